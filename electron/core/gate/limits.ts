/** Bounds shared by every transport. */

/** Answers larger than this are refused: total_balance is a few KB, anything bigger is not Gate. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
