/** True when a message is one line without control characters (what every refusal must be). */
export function printable(message: string): boolean {
  return !/[\x00-\x1f\x7f-\x9f\u2028\u2029]/u.test(message);
}
