/*
 * What systemd's RestrictAddressFamilies= does to a service, for tests/nix/build-simulation:
 * socket(2) with a family not in the list fails with EAFNOSUPPORT (systemd installs the same
 * seccomp filter; it too covers socket(2) only). The process also drops to an unprivileged
 * user first, as DynamicUser= would, and can never regain privileges (no_new_privs).
 *
 *   restrict-address-families UID GID AF_INET,AF_INET6,AF_UNIX -- command [args…]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define NATIVE_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define NATIVE_ARCH AUDIT_ARCH_AARCH64
#else
#error "restrict-address-families: add this architecture's AUDIT_ARCH"
#endif

static const struct { const char *name; int family; } FAMILIES[] = {
    {"AF_UNIX", AF_UNIX},       {"AF_INET", AF_INET},     {"AF_INET6", AF_INET6},
    {"AF_NETLINK", AF_NETLINK}, {"AF_PACKET", AF_PACKET},
};

static int family_of(const char *name) {
  for (size_t i = 0; i < sizeof FAMILIES / sizeof FAMILIES[0]; i++)
    if (strcmp(FAMILIES[i].name, name) == 0) return FAMILIES[i].family;
  fprintf(stderr, "restrict-address-families: unknown family %s\n", name);
  exit(2);
}

int main(int argc, char **argv) {
  if (argc < 6 || strcmp(argv[4], "--") != 0) {
    fprintf(stderr, "usage: %s UID GID AF_X,AF_Y -- command [args...]\n", argv[0]);
    return 2;
  }
  uid_t uid = (uid_t)atoi(argv[1]);
  gid_t gid = (gid_t)atoi(argv[2]);

  int allowed[16];
  int count = 0;
  for (char *name = strtok(argv[3], ","); name && count < 16; name = strtok(NULL, ",")) allowed[count++] = family_of(name);

  /* arch check, syscall number, then one comparison per allowed family */
  struct sock_filter filter[8 + 16];
  int n = 0;
  filter[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  filter[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_ARCH, 1, 0);
  filter[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
  filter[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  filter[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_socket, 1, 0);
  filter[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  /* the low 32 bits of the first argument: the address family */
  filter[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0]));
  for (int i = 0; i < count; i++) {
    /* on a match, jump over the remaining comparisons and the refusal to the final ALLOW */
    filter[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)allowed[i], (unsigned char)(count - i), 0);
  }
  filter[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EAFNOSUPPORT & SECCOMP_RET_DATA));
  filter[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  struct sock_fprog program = {.len = (unsigned short)n, .filter = filter};

  if (setgroups(0, NULL) != 0 || setgid(gid) != 0 || setuid(uid) != 0) {
    perror("restrict-address-families: dropping to the unprivileged user");
    return 1;
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0) {
    perror("restrict-address-families: installing the seccomp filter");
    return 1;
  }
  execvp(argv[5], argv + 5);
  perror("restrict-address-families: exec");
  return 127;
}
