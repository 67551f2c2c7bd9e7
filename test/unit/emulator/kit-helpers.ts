/** The kit on its own, serving a fixture model (test/unit/emulator/fixtures) with test handlers. */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { convertService } from '../../../scripts/emulator-model/convert';
import { Scheduler } from '../../emulator/kit/clock';
import type { ServiceModel } from '../../emulator/kit/model';
import { EmulatorServer } from '../../emulator/kit/server';
import type { RegisteredService } from '../../emulator/kit/service';
import { Core } from '../../emulator/kit/world';

const FIXTURES = path.resolve(__dirname, '../../../../test/unit/emulator/fixtures');

export function fixtureModel(file: string, key: string): ServiceModel {
  const json = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
  const ops = Object.keys(json.shapes).filter((id) => json.shapes[id].type === 'operation').map((id) => id.split('#')[1]);
  return { key, ...convertService(json, file, ops) };
}

export interface Kit {
  url: string;
  server: EmulatorServer;
  close(): Promise<void>;
}

export async function startKit(models: ServiceModel[], services: RegisteredService[]): Promise<Kit> {
  const server = new EmulatorServer(new Core(new Scheduler('manual')), services, Object.fromEntries(models.map((m) => [m.key, m])));
  const h = http.createServer(server.listener());
  await new Promise<void>((resolve) => h.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(h.address() as AddressInfo).port}`,
    server,
    close: () => new Promise<void>((resolve) => {
      h.close(() => resolve());
      h.closeAllConnections();
    }),
  };
}
