import { Input, Typography, type InputProps } from 'antd';
import type { FocusEvent } from 'react';
import { formatWan, parseWan } from '../../db/model/money';

export interface MoneyInputProps extends Omit<InputProps, 'value' | 'onChange' | 'type'> {
  /** the 万元 text as typed: "1,234.56" */
  value?: string;
  onChange?(text: string): void;
  /**
   * Show parseWan's message under the box. Inside a Form.Item whose rule reports the same message,
   * turn it off so the clerk reads it once.
   */
  showMessage?: boolean;
}

/**
 * A 万元 amount box: right-aligned, takes "1,234.56" or "1234.5", and keeps whatever was typed —
 * text that is not an amount stays in the box, marked, until the clerk corrects it.
 */
export function MoneyInput({
  value = '',
  onChange,
  onBlur,
  showMessage = true,
  status,
  className,
  ...rest
}: MoneyInputProps) {
  const parsed = parseWan(value);
  function tidy(event: FocusEvent<HTMLInputElement>) {
    // Only a readable amount is reformatted, so the meaning never changes.
    if (parsed.ok && parsed.yuan !== null) {
      const tidied = formatWan(parsed.yuan);
      if (tidied !== value) onChange?.(tidied);
    }
    onBlur?.(event);
  }
  return (
    <>
      <Input
        {...rest}
        className={['money-input', 'num', className].filter(Boolean).join(' ')}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        status={parsed.ok ? status : 'error'}
        onChange={(event) => onChange?.(event.target.value)}
        onBlur={tidy}
      />
      {showMessage && !parsed.ok && (
        <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 12 }}>
          {parsed.message}
        </Typography.Text>
      )}
    </>
  );
}
