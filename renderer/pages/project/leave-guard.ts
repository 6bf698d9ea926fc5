import { App as AntApp } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { isDesktop } from '../../api';

/** Where the shell lets a clerk leave a page: the side menu and links in the header. */
const SHELL_EXITS = '.app-sider .ant-menu-item, .app-header a';

/**
 * Asks before unsaved input is thrown away: on this page's own exits (through `confirmLeave`),
 * on a click in the shell's menu, and on closing the browser tab when running in the browser host.
 */
export function useLeaveGuard(dirty: boolean): (leave: () => void) => void {
  const { modal } = AntApp.useApp();
  const dirtyRef = useRef(dirty);
  const openConfirm = useRef<{ destroy(): void } | null>(null);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);
  // A question about a page that is gone (left by the browser's back button, say) must go with it.
  useEffect(() => () => openConfirm.current?.destroy(), []);

  const confirmLeave = useCallback(
    (leave: () => void) => {
      if (!dirtyRef.current) {
        leave();
        return;
      }
      openConfirm.current?.destroy();
      const instance = modal.confirm({
        title: '放弃未保存的修改？',
        content: '本页填写的内容尚未保存，离开后将丢失。',
        okText: '放弃并离开',
        cancelText: '继续填写',
        okButtonProps: { danger: true },
        onOk: leave,
        afterClose: () => {
          if (openConfirm.current === instance) openConfirm.current = null;
        },
      });
      openConfirm.current = instance;
    },
    [modal],
  );

  useEffect(() => {
    if (!dirty) return;
    let passing = false;
    const onClick = (event: MouseEvent) => {
      const exit = event.target instanceof Element ? event.target.closest<HTMLElement>(SHELL_EXITS) : null;
      if (passing || !exit) return;
      event.preventDefault();
      event.stopPropagation();
      confirmLeave(() => {
        passing = true;
        exit.click();
        passing = false;
      });
    };
    // Electron would silently refuse to close the window on beforeunload; only the browser asks.
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const inBrowser = !isDesktop();
    document.addEventListener('click', onClick, true);
    if (inBrowser) window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      if (inBrowser) window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty, confirmLeave]);

  return confirmLeave;
}
