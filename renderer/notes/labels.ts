/** The words the workbench uses for categories, statuses and explanations. */
import type { AnnotationCategory, AnnotationStatus, Explanation } from '../../shared/annotations';

export const CATEGORY_LABEL: Record<AnnotationCategory, string> = {
  defect: 'Defect',
  approved_difference: 'Approved difference',
  timing: 'Timing',
  data_quality: 'Data quality',
  under_investigation: 'Under investigation',
};

export const STATUS_LABEL: Record<AnnotationStatus | 'none', string> = {
  open: 'Open',
  explained: 'Explained',
  approved: 'Approved',
  fixed: 'Fixed',
  resolved: 'Resolved (gone)',
  none: 'Not annotated',
};

export const EXPLANATION_LABEL: Record<Explanation, string> = { ...CATEGORY_LABEL, unexplained: 'Unexplained' };
