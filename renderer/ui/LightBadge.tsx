import type { HTMLAttributes } from 'react';
import { LIGHT_LABELS, type LightLevel } from '../../db/model/lights';

export interface LightBadgeProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  light: LightLevel;
  /** what a screen reader says; 红灯/黄灯/绿灯 unless the caller adds the reasons */
  label?: string;
  /** beside a text that already names the light: the dot is drawn but not read out */
  decorative?: boolean;
}

/** A light as a coloured dot (ui/marks.css) that still reads as 红灯/黄灯/绿灯. */
export function LightBadge({ light, label, decorative, className, ...rest }: LightBadgeProps) {
  const classes = ['light-dot', `light-${light}`, className].filter(Boolean).join(' ');
  if (decorative) return <span {...rest} className={classes} aria-hidden />;
  return <span {...rest} className={classes} role="img" aria-label={label ?? LIGHT_LABELS[light]} />;
}
