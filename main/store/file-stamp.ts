/** A moment as part of a file name: ISO 8601 with the characters file systems refuse made dashes. */
export const fileStamp = (at: number) => new Date(at).toISOString().replace(/[:.]/g, '-');
