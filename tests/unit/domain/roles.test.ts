import { describe, expect, it } from 'vitest';
import { canDrive, canModerate, canOwn, deckPermissions, requireDrive, requireModerate, requireOwner, scopeCovers } from '../../../server/domain/roles.js';

const plain = { meta: {} };
const drive = { meta: { moderators: 'drive' } };

describe('roles', () => {
  it('the presenter drives, moderates and owns', () => {
    expect(canDrive('presenter', plain)).toBe(true);
    expect(canModerate('presenter')).toBe(true);
    expect(canOwn('presenter')).toBe(true);
  });
  it('a moderator moderates, drives only when the deck allows it, never owns', () => {
    expect(canModerate('moderator')).toBe(true);
    expect(canDrive('moderator', plain)).toBe(false);
    expect(canDrive('moderator', drive)).toBe(true);
    expect(canDrive('moderator', { meta: { moderators: ['drive'] } })).toBe(true);
    expect(canDrive('moderator', { meta: { moderators: 'moderate' } })).toBe(false);
    expect(canOwn('moderator')).toBe(false);
  });
  it('screen and audience do none of it, whatever the deck says', () => {
    for (const role of ['screen', 'audience'] as const) {
      expect(canDrive(role, drive)).toBe(false);
      expect(canModerate(role)).toBe(false);
      expect(canOwn(role)).toBe(false);
    }
  });
  it('refusals are forbidden with a message naming the way out', () => {
    expect(() => requireDrive('moderator', plain)).toThrow(/moderators: drive/);
    expect(() => requireDrive('audience', plain)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => requireModerate('screen')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => requireOwner('moderator')).toThrow(/moderators cannot/);
    expect(() => requireDrive('moderator', drive)).not.toThrow();
  });
  it('deck permissions read odd front matter safely', () => {
    expect(deckPermissions(undefined).moderatorsDrive).toBe(false);
    expect(deckPermissions({ meta: { moderators: 42 } }).moderatorsDrive).toBe(false);
    expect(deckPermissions({ meta: { moderators: 'moderate, Drive' } }).moderatorsDrive).toBe(true);
  });
  it('an admin scope covers every talk, a talk scope only its own', () => {
    expect(scopeCovers({ kind: 'admin' }, 'a')).toBe(true);
    expect(scopeCovers({ kind: 'talk', talk: 'a' }, 'a')).toBe(true);
    expect(scopeCovers({ kind: 'talk', talk: 'a' }, 'b')).toBe(false);
  });
});
