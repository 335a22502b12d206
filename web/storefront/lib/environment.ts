/** Process environment as read by configuration helpers; tests pass plain objects. */
export type Environment = Readonly<Record<string, string | undefined>>;
