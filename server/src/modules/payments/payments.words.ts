// The total of an electronic receipt in words ("Số tiền bằng chữ"), as Vietnamese accounting
// documents write it: "Một triệu hai trăm linh năm nghìn đồng".

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/**
 * Reads a group of three digits. `full` (a group after a higher one) says its hundreds even
 * when zero ("một nghìn không trăm linh năm"); the leading group starts at its first digit.
 */
function readTriple(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const words: string[] = [];
  if (full || h > 0) words.push(DIGITS[h]!, 'trăm');
  if (t === 0) {
    // "linh" (northern usage; "lẻ" in the south) joins hundreds to a lone unit: 105 = một trăm linh năm.
    if (u > 0 && words.length > 0) words.push('linh');
    if (u > 0) words.push(DIGITS[u]!);
    return words;
  }
  words.push(t === 1 ? 'mười' : `${DIGITS[t]} mươi`);
  if (u === 0) return words;
  // After "mươi" a 1 reads "mốt" and a 4 "tư"; after "mười"/"mươi" a 5 reads "lăm".
  if (u === 1 && t > 1) words.push('mốt');
  else if (u === 4 && t > 1) words.push('tư');
  else if (u === 5) words.push('lăm');
  else words.push(DIGITS[u]!);
  return words;
}

const SCALES = ['', 'nghìn', 'triệu'];

/** Words for 0 < n < 10^9, `full` when a higher group precedes it. */
function readBelowBillion(n: number, full: boolean): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const words: string[] = [];
  let started = full;
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(...readTriple(g, started));
    const scale = SCALES[2 - i]!;
    if (scale) words.push(scale);
    started = true;
  });
  return words;
}

/** Words of a whole number ≥ 0 (blocks of "tỷ" for 10^9 and beyond: nghìn tỷ, tỷ tỷ…). */
function readNumber(n: number, full = false): string[] {
  if (n >= 1_000_000_000) {
    const high = Math.floor(n / 1_000_000_000);
    const low = n % 1_000_000_000;
    return [...readNumber(high, full), 'tỷ', ...(low > 0 ? readBelowBillion(low, true) : [])];
  }
  return readBelowBillion(n, full);
}

/**
 * An amount in đồng in Vietnamese words, capitalised, ending in "đồng":
 * 50 000 → "Năm mươi nghìn đồng"; 0 → "Không đồng".
 */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`amountInWords: ${amount} is not a whole number of đồng`);
  const text = amount === 0 ? 'không' : readNumber(amount).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} đồng`;
}
