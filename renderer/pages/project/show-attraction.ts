import { Form, type FormInstance } from 'antd';
import type { ProjectFormValues } from './form-values';

const ATTRACTION_FIELDS = [
  'signingDate',
  'registrationDate',
  'productionDate',
  'startWithinMonths',
  'contractInvestmentYuan',
  'fundsInPlaceYuan',
] as const;

/**
 * The form's 招商 section shows for a 招商引资 project, and for any project whose record holds a 招商 figure:
 * nothing stored is ever out of the clerk's sight.
 */
export function useShowAttraction(form: FormInstance<ProjectFormValues>, initial: ProjectFormValues): boolean {
  const promoted = Form.useWatch('isInvestmentPromotion', form) as boolean | undefined;
  const held = ATTRACTION_FIELDS.some((field) => {
    const value = initial[field];
    return value !== null && value !== '';
  });
  return (promoted ?? initial.isInvestmentPromotion) || held;
}
