// How an instructor should read item statistics. Bands follow common
// classroom-testing practice: facility 0.3–0.9 is the useful range, and a
// discrimination below 0.2 (or negative) means the item needs a look.

export type FacilityBand = 'hard' | 'good' | 'easy'
export type DiscriminationBand = 'negative' | 'weak' | 'fair' | 'good'

/** The useful facility range; the item-analysis chart draws its edges. */
export const USEFUL_FACILITY = { from: 0.3, to: 0.9 } as const
/** Below this an item separates stronger from weaker learners too little. */
export const WEAK_DISCRIMINATION = 0.2

export function facilityBand(facility: number): FacilityBand {
  if (facility < USEFUL_FACILITY.from) return 'hard'
  if (facility > USEFUL_FACILITY.to) return 'easy'
  return 'good'
}

export function discriminationBand(discrimination: number): DiscriminationBand {
  if (discrimination < 0) return 'negative'
  if (discrimination < WEAK_DISCRIMINATION) return 'weak'
  if (discrimination < 0.4) return 'fair'
  return 'good'
}

/** Share of responses that chose each option, 0…1 (0 when nobody answered). */
export function optionShares(counts: number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0)
  return counts.map((n) => (total === 0 ? 0 : n / total))
}

/** A score the grader typed, if it is a number within 0…max (half points allowed). */
export function parseScore(text: string, max: number): number | null {
  const value = Number(text.trim().replace('，', '.').replace(',', '.'))
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > max) return null
  return Math.round(value * 2) / 2
}
