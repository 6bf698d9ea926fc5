import type { ReactNode } from 'react';

/**
 * A form dialog's footer as useFormDialog wires it: the keys beside antd's own buttons, “Ctrl+Enter <ok> Esc 取消”.
 * For a Modal's `footer` prop.
 */
export function withDialogKeys(ok: string) {
  return function DialogFooter(buttons: ReactNode) {
    return (
      <>
        <span className="zd-keys pf-keys">
          <kbd>Ctrl+Enter</kbd> {ok}
          <kbd>Esc</kbd> 取消
        </span>
        {buttons}
      </>
    );
  };
}
