/**
 * Explaining differences: what an analyst says about an exception, who said it and when, and the
 * history that proves nobody changed it afterwards.
 */
import { z } from 'zod';

export const annotationCategories = ['defect', 'approved_difference', 'timing', 'data_quality', 'under_investigation'] as const;
export type AnnotationCategory = (typeof annotationCategories)[number];

/** open → explained → approved / fixed; `resolved` is set by Parity when the exception disappears in a later run. */
export const annotationStatuses = ['open', 'explained', 'approved', 'fixed', 'resolved'] as const;
export type AnnotationStatus = (typeof annotationStatuses)[number];

/** What every exception ends up as once rules and annotations have spoken. */
export const explanations = ['approved_difference', 'timing', 'defect', 'data_quality', 'under_investigation', 'unexplained'] as const;
export type Explanation = (typeof explanations)[number];

export const profileSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().min(1).max(200),
});
export type Profile = z.output<typeof profileSchema>;

/** The fields an analyst sets; a field left out keeps its value. */
export const annotationFieldsSchema = z.strictObject({
  category: z.enum(annotationCategories).optional(),
  status: z.enum(annotationStatuses).exclude(['resolved']).optional(),
  note: z.string().max(10_000).optional(),
  owner: z.string().max(200).optional(),
  ref: z.string().max(500).optional(),
});
export type AnnotationFields = z.output<typeof annotationFieldsSchema>;

export interface Annotation {
  exceptionId: string;
  category: AnnotationCategory | null;
  status: AnnotationStatus;
  note: string;
  owner: string;
  ref: string;
  updatedAt: string;
  updatedBy: string;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  exceptionId: string;
  before: Partial<Annotation> | null;
  after: Partial<Annotation> | null;
  hash: string;
}

export interface ChainCheck {
  ok: boolean;
  entries: number;
  /** The first entry whose hash does not follow from its content and the entry before it. */
  brokenAt: number | null;
  message: string;
}

export interface AnnotateResult {
  /** Exceptions whose annotation changed. */
  changed: number;
  /** Exceptions the target named. */
  matched: number;
}

export interface RunRecord {
  id: number;
  contract: string;
  ranAt: string;
  exceptions: number;
  resolved: number;
  signOff: SignOff | null;
}

export interface SignOff {
  name: string;
  role: string;
  statement: string;
  at: string;
  unexplained: number;
  override: string | null;
}

/** Counts of one set of exceptions by what explains them. */
export interface ExplanationCounts {
  byExplanation: Record<Explanation, number>;
  byStatus: Record<AnnotationStatus | 'none', number>;
  rules: { name: string; category: string; explained: number }[];
  /** Per group of the asked dimension (as the drill-down names groups): how many are still unexplained. */
  groups: { value: string | null; total: number; unexplained: number }[];
}

/** How many exceptions a set of counts covers, explained or not. */
export function explanationTotal(counts: ExplanationCounts): number {
  return explanations.reduce((a, e) => a + counts.byExplanation[e], 0);
}
