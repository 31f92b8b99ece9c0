/** Order statistics without sorting, for the measures (in the workers) and the panels (colour domains) alike. */

/**
 * The k-th smallest value of `a` (0-based), reordering `a` in place so that a[0…k−1] ≤ a[k]
 * (Hoare's selection, "Algorithm 65: Find", Comm. ACM 4:321, 1961; expected O(n)). Same units as
 * the values.
 */
export function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}
