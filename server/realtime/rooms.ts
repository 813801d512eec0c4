/** Every socket of a talk. */
export const talkRoom = (slug: string) => `talk:${slug}`;
/** The presenter and screen sockets of a talk: audience counts, reactions, visible results. */
export const staffRoom = (slug: string) => `talk:${slug}:staff`;
/** The presenter alone: hidden results, questions awaiting moderation. The screen needs no key, so it gets neither. */
export const presenterRoom = (slug: string) => `talk:${slug}:presenter`;
/** Phones that answered a poll: they get its live results unless the presenter hides them. */
export const votersRoom = (slug: string, runId: number, poll: string) => `talk:${slug}:run:${runId}:poll:${poll}:voters`;
