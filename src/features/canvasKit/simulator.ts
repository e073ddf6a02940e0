// The Canvas Kit simulator, loaded on first use (its own bundle, dist/canvasKit.js): one panel per window,
// opened or brought to the front by the command.
import * as vscode from 'vscode';
import type { Services } from '../../host/services';
import { SimulatorPanel } from './panel';

export class CanvasKitFeature implements vscode.Disposable {
  /** The open panel, if any (the test API reads it). */
  panel: SimulatorPanel | undefined;

  constructor(private readonly services: Services) {}

  async open(): Promise<SimulatorPanel> {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const panel = new SimulatorPanel(this.services, () => {
      if (this.panel === panel) this.panel = undefined;
    });
    this.panel = panel;
    await panel.ready;
    return panel;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

export function createCanvasKit(services: Services): CanvasKitFeature {
  return new CanvasKitFeature(services);
}
