/**
 * Where local paths come from: a native picker the main process opens (Electron's `dialog`, behind this interface
 * so the end-to-end harness can answer it), or an OS drop the preload turned into paths. Either way the page gets
 * handles and names back, never a path, and can start transfers only with handles handed out here.
 */
import type { BrowserWindow, Dialog } from 'electron';
import type { AddDroppedFilesInput, DownloadFolder, LocalSources } from '@shared/transfer-contract';
import type { LocalRegistry } from './local-files';

export interface NativePicker {
  /** Files, or one folder, to upload: the paths the user chose, none when cancelled. */
  pickUpload(kind: 'files' | 'folder'): Promise<string[]>;
  /** The folder to download into, or undefined when cancelled. */
  pickDownloadFolder(): Promise<string | undefined>;
}

/** No picker (a test that never opens one): every question is answered "cancelled". */
export const NO_PICKER: NativePicker = {
  pickUpload: async () => [],
  pickDownloadFolder: async () => undefined,
};

export function createDialogPicker(dialog: Pick<Dialog, 'showOpenDialog'>, parent: () => BrowserWindow | undefined): NativePicker {
  const open = async (options: Electron.OpenDialogOptions) => {
    const window = parent();
    const { canceled, filePaths } = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return canceled ? [] : filePaths;
  };
  return {
    pickUpload: (kind) =>
      open(
        kind === 'files'
          ? { title: 'Upload files', properties: ['openFile', 'multiSelections', 'dontAddToRecent'] }
          : { title: 'Upload a folder', properties: ['openDirectory', 'dontAddToRecent'] },
      ),
    pickDownloadFolder: async () =>
      (await open({ title: 'Download into', buttonLabel: 'Download here', properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] }))[0],
  };
}

/** The calls that hand out handles. */
export class TransferSources {
  constructor(
    private readonly picker: NativePicker,
    private readonly local: LocalRegistry,
  ) {}

  async pickUploadSources(input: { kind: 'files' | 'folder' }): Promise<LocalSources> {
    return { sources: await this.local.register(await this.picker.pickUpload(input.kind)) };
  }

  async addDroppedFiles(input: AddDroppedFilesInput): Promise<LocalSources> {
    return { sources: await this.local.register(input.paths) };
  }

  async pickDownloadFolder(): Promise<DownloadFolder> {
    const path = await this.picker.pickDownloadFolder();
    if (!path) return {};
    const [folder] = await this.local.register([path]);
    return folder?.kind === 'folder' ? { folder } : {};
  }
}
