// electron-builder 26: `npx electron-builder --config build/electron-builder.config.cjs --win|--linux`.
// Packaging downloads Electron's zip and headers, so installers are built on a connected machine; what they
// install needs nothing from the network at any time.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.gov.xiangxiang.zdxm',
  productName: '重点项目推进台',
  // version, description and author come from package.json
  copyright: '湘乡市重点项目办',
  directories: { output: 'release', buildResources: 'build' },
  // package.json and the production dependencies' node_modules are always added by electron-builder
  // the browser host's spreadsheet reader (a child process, 2.4 MB) is not the app's: it reads in a worker thread
  files: ['dist/**/*', '!dist/**/*.map', '!dist/electron/spreadsheet-read-process.cjs', 'package.json'],
  icon: 'build/icon.png',
  // the default, stated because the fuses below require it (onlyLoadAppFromAsar, the integrity check)
  asar: true,
  // a native module cannot be loaded from inside app.asar
  // and the spreadsheet, integrity and image workers, which a worker thread loads as plain files
  asarUnpack: [
    'node_modules/better-sqlite3/**/*.node',
    'dist/electron/spreadsheet-worker.cjs',
    'dist/electron/integrity-worker.cjs',
    'dist/electron/image-worker.cjs',
  ],
  // rebuild better-sqlite3 against Electron's headers while packaging (the dev copy is built for Node);
  // on a machine whose npm config sets `nodedir`, check the result as scripts/native-abi.mjs does
  npmRebuild: true,
  // Electron's fuses, flipped in the packaged executable (they cannot be changed at run time): the installed
  // app cannot be turned into a plain Node (ELECTRON_RUN_AS_NODE), given Node options (NODE_OPTIONS,
  // NODE_EXTRA_CA_CERTS) or a debugger (--inspect, SIGUSR1), and it loads its code only from app.asar, whose
  // header hash electron-builder embeds at packaging and Electron checks at every start. That check exists
  // on Windows (Electron ≥ 30) and macOS; on Linux the fuse is a no-op (the option is one for all platforms).
  // Nothing here needs ELECTRON_RUN_AS_NODE: the spreadsheet reader is a worker thread, not a forked process.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
  },
  // ASCII names for files: Chinese file names break some unzip tools and older Linux desktops
  artifactName: 'zdxm-${version}-${os}-${arch}.${ext}',
  win: {
    target: [
      { target: 'nsis', arch: ['x64', 'ia32'] },
      { target: 'portable', arch: ['x64', 'ia32'] },
    ],
  },
  nsis: {
    // per user, into the user's own folder: no administrator rights on a locked-down office PC
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    language: '2052',
    installerLanguages: ['zh_CN'],
    unicode: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: '重点项目推进台',
    // the data folder is the clerk's record: uninstalling never deletes it
    deleteAppDataOnUninstall: false,
    artifactName: 'zdxm-${version}-setup-${arch}.${ext}',
  },
  portable: { artifactName: 'zdxm-${version}-portable-${arch}.${ext}' },
  linux: {
    // UOS and Kylin desktops: x64 and arm64 (Phytium, Kunpeng)
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    category: 'Office',
    executableName: 'zdxm',
    synopsis: '重点项目推进台：项目库、周调度、问题督办、台账',
    desktop: { entry: { Name: '重点项目推进台', Comment: '重点项目建设推进管理', 'Name[zh_CN]': '重点项目推进台' } },
  },
  deb: { depends: ['libnss3', 'libgtk-3-0', 'libxss1', 'libasound2 | libasound2t64'] },
  publish: null,
};
