/** Every socket of a talk. */
export const talkRoom = (slug: string) => `talk:${slug}`;
/** The presenter and screen sockets of a talk: they get audience counts. */
export const staffRoom = (slug: string) => `talk:${slug}:staff`;
