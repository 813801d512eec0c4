/** Every socket of a talk. */
export const talkRoom = (slug: string) => `talk:${slug}`;
/** The presenter and screen sockets of a talk: they get audience counts. */
export const staffRoom = (slug: string) => `talk:${slug}:staff`;
/** Phones that answered a poll: they get its live results unless the presenter hides them. */
export const votersRoom = (slug: string, runId: number, poll: string) => `talk:${slug}:run:${runId}:poll:${poll}:voters`;
