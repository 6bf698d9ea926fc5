import type { HTMLAttributes } from 'react';
import { LIGHT_LABELS, type LightLevel } from '../../db/model/lights';
import { SUSPENSION_LABELS, suspensionText, type CurrentSuspension } from '../../db/model/list-membership';

export interface LightBadgeProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  light: LightLevel;
  /** 停建/缓建 (issue #17): the project has no light; its mark is shown instead of the dot */
  suspended?: CurrentSuspension;
  /** what a screen reader says; 红灯/黄灯/绿灯 unless the caller adds the reasons */
  label?: string;
  /** beside a text that already names the light: the dot is drawn but not read out */
  decorative?: boolean;
}

/** A light as a coloured dot (ui/marks.css) that still reads as 红灯/黄灯/绿灯; 停建/缓建 as a grey mark. */
export function LightBadge({ light, suspended, label, decorative, className, ...rest }: LightBadgeProps) {
  if (suspended) {
    const classes = ['suspended-mark', className].filter(Boolean).join(' ');
    return (
      <span {...rest} title={suspensionText(suspended)} className={classes}>
        {SUSPENSION_LABELS[suspended.kind]}
      </span>
    );
  }
  const classes = ['light-dot', `light-${light}`, className].filter(Boolean).join(' ');
  if (decorative) return <span {...rest} className={classes} aria-hidden />;
  return <span {...rest} className={classes} role="img" aria-label={label ?? LIGHT_LABELS[light]} />;
}
