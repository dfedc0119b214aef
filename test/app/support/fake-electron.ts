// fake-electron.ts — test doubles for the parts of Electron main's glue uses: they record what was
// registered and let the test fire events, with no Electron binary (which cannot run here).
type Listener = (...args: unknown[]) => unknown;

export class FakeEventTarget {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener) {
    return this.on(name, listener);
  }
  /** Fires `name` with a preventable event; returns whether a listener prevented it. */
  emitPreventable(name: string, fields: Record<string, unknown> = {}, ...rest: unknown[]): boolean {
    let prevented = false;
    const event = { ...fields, preventDefault: () => { prevented = true; } };
    for (const l of this.listeners.get(name) ?? []) l(event, ...rest);
    return prevented;
  }
  emit(name: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(name) ?? []) l(...args);
  }
}

export class FakeWebContents extends FakeEventTarget {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  url = 'app://fillwatch/index.html';
  destroyed = false;
  readonly sent: { channel: string; payload: unknown }[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() { return this.destroyed; }
  getURL() { return this.url; }
  send(channel: string, payload: unknown) { this.sent.push({ channel, payload }); }
}

export class FakeSession extends FakeEventTarget {
  permissionRequest: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  permissionCheck: ((...args: unknown[]) => boolean) | undefined;
  devicePermission: ((...args: unknown[]) => boolean) | undefined;
  setPermissionRequestHandler(h: FakeSession['permissionRequest']) { this.permissionRequest = h; }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']) { this.permissionCheck = h; }
  setDevicePermissionHandler(h: FakeSession['devicePermission']) { this.devicePermission = h; }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  handle(channel: string, handler: (event: unknown, payload: unknown) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) { this.handlers.delete(channel); }
  /** As Electron would call it for a frame at `url` (`parent` null = main frame). */
  invoke(channel: string, payload: unknown, frame: { url: string; parent: unknown } | null = { url: 'app://fillwatch/index.html', parent: null }) {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frame }, payload);
  }
}

export class FakeBrowserWindow extends FakeEventTarget {
  static readonly created: FakeBrowserWindow[] = [];
  static getAllWindows() { return FakeBrowserWindow.created.filter((w) => !w.destroyed); }
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  shown = false;
  readonly options: Record<string, unknown>;
  /** Normal-state bounds, as the options gave them (a test moves the window by setting them). */
  bounds: { x: number; y: number; width: number; height: number };
  maximized = false;
  alwaysOnTop: boolean;
  destroyed = false;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    const n = (key: string, fallback: number) => (typeof options[key] === 'number' ? options[key] : fallback);
    this.bounds = { x: n('x', 100), y: n('y', 80), width: n('width', 800), height: n('height', 600) };
    this.alwaysOnTop = options['alwaysOnTop'] === true;
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) { this.loadedUrl = url; this.webContents.url = url; return Promise.resolve(); }
  show() { this.shown = true; }
  isDestroyed() { return this.destroyed; }
  isMinimized() { return false; }
  restore() {}
  focused = 0;
  focus() { this.focused++; }
  maximize() { this.maximized = true; this.emit('maximize'); }
  isMaximized() { return this.maximized; }
  getNormalBounds() { return { ...this.bounds }; }
  setAlwaysOnTop(flag: boolean) { this.alwaysOnTop = flag; }
  /** As Electron: 'close' (bounds still readable), then destroyed, then 'closed'. */
  close() {
    this.emit('close', { preventDefault: () => {} });
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

/** Electron's Menu: keeps the templates it was given (the application menu is the last one set). */
export class FakeMenu {
  static applicationMenu: unknown[] | null = null;
  static buildFromTemplate(template: unknown[]) { return template; }
  static setApplicationMenu(menu: unknown[] | null) { FakeMenu.applicationMenu = menu; }
}

/** Electron's Tray: records its image, tooltip and context menu. */
export class FakeTray extends FakeEventTarget {
  static readonly created: FakeTray[] = [];
  image: unknown;
  tooltip = '';
  menu: unknown[] | null = null;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.created.push(this);
  }
  setImage(image: unknown) { this.alive(); this.image = image; }
  setToolTip(text: string) { this.alive(); this.tooltip = text; }
  setContextMenu(menu: unknown[] | null) { this.alive(); this.menu = menu; }
  destroy() { this.destroyed = true; }
  /** Electron throws when a destroyed tray is used. */
  private alive() { if (this.destroyed) throw new TypeError('Object has been destroyed'); }
}

/** nativeImage: an image is the list of PNG representations added to it. */
export const fakeNativeImage = {
  createEmpty: () => {
    const representations: { scaleFactor: number; buffer: Buffer }[] = [];
    return { representations, addRepresentation: (r: { scaleFactor: number; buffer: Buffer }) => { representations.push(r); } };
  },
};

export type FakeDisplay = { id: number; workArea: { x: number; y: number; width: number; height: number } };

/** screen with the displays a test plugs in (the first is the primary). */
export function fakeScreen(displays: FakeDisplay[] = [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }]) {
  return { displays, getAllDisplays: () => displays, getPrimaryDisplay: () => displays[0]! };
}

/** Electron's Notification: records what was shown; `click()` plays the user's click. */
export class FakeNotification extends FakeEventTarget {
  static readonly shown: FakeNotification[] = [];
  static supported = true;
  static isSupported() { return FakeNotification.supported; }
  readonly options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
  }
  show() { FakeNotification.shown.push(this); }
  click() { this.emit('click', {}); }
}

export function fakeElectron(options: { lock?: boolean; platform?: NodeJS.Platform; userData?: string; packaged?: boolean; displays?: FakeDisplay[] } = {}) {
  const calls: string[] = [];
  let ready: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => { ready = resolve; });
  const app = Object.assign(new FakeEventTarget(), {
    requestSingleInstanceLock: () => { calls.push('lock'); return options.lock ?? true; },
    quit: () => { calls.push('quit'); },
    whenReady: () => whenReady,
    getPath: (name: string) => options.userData ?? `/tmp/fillwatch-${name}`,
    isPackaged: options.packaged ?? false,
    setAppUserModelId: (id: string) => { calls.push(`app-user-model-id ${id}`); },
    /** What the About box shows (set once, before the app is ready). */
    aboutPanel: undefined as unknown,
    setAboutPanelOptions: (panel: unknown) => { app.aboutPanel = panel; },
  });
  const protocol = {
    privileged: [] as unknown[],
    handlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    registerSchemesAsPrivileged: (schemes: unknown[]) => { calls.push('register-scheme'); protocol.privileged.push(...schemes); },
    handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => { calls.push(`protocol ${scheme}`); protocol.handlers.set(scheme, handler); },
  };
  const opened: string[] = [];
  FakeBrowserWindow.created.length = 0;
  FakeNotification.shown.length = 0;
  FakeTray.created.length = 0;
  FakeMenu.applicationMenu = null;
  return {
    calls, opened, protocol,
    ready: () => ready(),
    ipcMain: new FakeIpcMain(),
    session: { defaultSession: new FakeSession() },
    electron: {
      app, protocol, BrowserWindow: FakeBrowserWindow, Notification: FakeNotification, platform: options.platform ?? 'linux',
      Menu: FakeMenu, Tray: FakeTray, nativeImage: fakeNativeImage, screen: fakeScreen(options.displays),
      shell: { openExternal: async (url: string) => { opened.push(url); } },
    },
  };
}
