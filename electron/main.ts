import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { readClientConfig, writeClientConfig } from './desktop-client/client-config';
import { registerApiHandler, relaunch } from './ipc';
import { openAppContext, type AppContext } from './services/app-context';
import { startBackupSchedule } from './services/backup-schedule';
import { betterSqliteBinding, useIntegrityWorker } from './services/integrity/check-off-thread';
import { startIntegrityWatch } from './services/integrity-watch';
import { useSpreadsheetWorker } from './services/spreadsheet/read-off-thread';
import { useImageWorker } from './services/attachments/derive-off-thread';
import { createClientWindow, createMainWindow, installApplicationMenu } from './window';

if (app.requestSingleInstanceLock()) {
  installApplicationMenu();
  let ctx: AppContext | undefined;
  let mainWindow: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!ctx) return;
    // the data closes in its turn (a save under way finishes first); the app quits once it has
    event.preventDefault();
    const closing = ctx;
    ctx = undefined;
    void closing
      .close()
      .catch((error: unknown) => console.error('closing the data failed', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      const configFolder = app.getPath('userData');
      const { serverOrigin } = readClientConfig(configFolder);
      if (serverOrigin) {
        // desktop client mode: no data of its own is opened; the window shows the office server
        mainWindow = createClientWindow(serverOrigin, () => {
          writeClientConfig(configFolder, { serverOrigin: null });
          relaunch();
        });
        mainWindow.on('closed', () => (mainWindow = undefined));
        return;
      }
      const dataDir = path.resolve(process.env.ZDXM_DATA_DIR || path.join(app.getPath('userData'), 'data'));
      try {
        ctx = await openAppContext({ dataDir });
      } catch (error) {
        console.error(`cannot open data in ${dataDir}`, error);
        dialog.showErrorBox('无法打开数据', error instanceof Error ? error.message : String(error));
        app.quit();
        return;
      }
      // packaged, the worker is unpacked beside app.asar (see build/electron-builder.config.cjs)
      useSpreadsheetWorker(
        path.join(__dirname, 'spreadsheet-worker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'),
      );
      useIntegrityWorker(
        path.join(__dirname, 'integrity-worker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'),
        betterSqliteBinding(require.resolve),
      );
      useImageWorker(path.join(__dirname, 'image-worker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'));
      registerApiHandler(ctx, configFolder);
      mainWindow = createMainWindow();
      mainWindow.on('closed', () => (mainWindow = undefined));
      // the full check runs in a worker thread and the start's backup after it: the window never waits for them
      startBackupSchedule(ctx, startIntegrityWatch(ctx));
    })
    .catch((error: unknown) => {
      console.error('startup failed', error);
      app.quit();
    });
} else {
  // Another copy is running: it receives 'second-instance' and comes to the front.
  app.quit();
}
