/**
 * The cost estimate's plain shapes, shared by the cost model, the price sources (Price List API,
 * bundled snapshot), the emulator's Price List service and the commands that show a figure.
 * No `vscode`, no SDK.
 */

/** What an hour of Fargate costs in one region, in USD, from AWS's Price List (`AmazonECS`). */
export interface FargateRates {
  /** `<prefix>-Fargate-vCPU-Hours:perCPU` (Linux/x86_64). */
  vcpuHour: number;
  /** `<prefix>-Fargate-GB-Hours` (Linux/x86_64). */
  gbHour: number;
  /** `<prefix>-Fargate-ARM-vCPU-Hours:perCPU`; absent where Fargate has no ARM64 in the region. */
  armVcpuHour?: number;
  /** `<prefix>-Fargate-ARM-GB-Hours`. */
  armGbHour?: number;
  /** `<prefix>-Fargate-Windows-vCPU-Hours:perCPU`; absent where Fargate has no Windows. */
  windowsVcpuHour?: number;
  /** `<prefix>-Fargate-Windows-GB-Hours`. */
  windowsGbHour?: number;
  /** `<prefix>-Fargate-Windows-OS-Hours:perCPU`: the Windows OS licence fee per vCPU-hour. */
  windowsOsVcpuHour?: number;
  /** `<prefix>-Fargate-EphemeralStorage-GB-Hours`: per GB-hour above the free 20 GiB. */
  ephemeralStorageGbHour?: number;
  /** `<prefix>-SpotUsage-Fargate-vCPU-Hours:perCPU`, when the Price List gives a Spot figure. */
  spotVcpuHour?: number;
  /** `<prefix>-SpotUsage-Fargate-GB-Hours`. */
  spotGbHour?: number;
}

/** One region's prices as the snapshot and the Price List reader hold them. */
export interface RegionPrices {
  region: string;
  /** The Price List `usagetype` prefix of the region, e.g. `USE1`. */
  usageTypePrefix: string;
  fargate: FargateRates;
  /** EC2 Linux on-demand (shared tenancy) USD per hour, by instance type: the EC2 launch type's share. */
  ec2?: Record<string, number>;
  /** ECR storage, USD per GB-month. */
  ecrStorageGbMonth?: number;
}

/** The bundled snapshot (src/cost/generated/price-snapshot.json), written by scripts/pricing/. */
export interface PriceSnapshot {
  /** Where the figures come from (Price List offer files / GetProducts), in words. */
  source: string;
  /** ISO date the figures were read. */
  asOf: string;
  regions: Record<string, RegionPrices>;
}

export type PriceSource = 'price-list' | 'snapshot';

/** Prices for one region with where they came from. */
export interface PricedRegion {
  prices: RegionPrices;
  source: PriceSource;
  /** ISO date (snapshot) or time (Price List read) of the figures. */
  asOf: string;
}

export type OperatingSystemFamily = 'linux' | 'windows';
export type CpuArchitecture = 'x86_64' | 'arm64';
export type CapacityProviderName = 'FARGATE' | 'FARGATE_SPOT';

/** What a task definition says that costs money, read from its JSON (task-level cpu and memory). */
export interface TaskShape {
  /** vCPU (1024 units = 1). */
  vcpu: number;
  /** GiB. */
  memoryGb: number;
  os: OperatingSystemFamily;
  /** Windows on Fargate needs an explicit runtimePlatform; default x86_64. */
  architecture: CpuArchitecture;
  /** Ephemeral storage in GiB (Fargate: 20 free, 21–200 billed above 20). */
  ephemeralStorageGb: number;
  launchType: 'FARGATE' | 'EC2' | 'EXTERNAL';
}

export interface CostEstimate {
  currency: 'USD';
  /** For `count` tasks. */
  hourly: number;
  /** 730 hours. */
  monthly: number;
  count: number;
  perTask: { vcpuHourly: number; memoryHourly: number; storageHourly: number; osHourly: number };
  region: string;
  capacityProvider: CapacityProviderName | 'EC2';
  source: PriceSource;
  asOf: string;
  /** Plain sentences a person must read with the figure (Spot varies, EC2 share is an estimate…). */
  notes: string[];
  /** FARGATE_SPOT priced with the Price List's own Spot figure (else the on-demand price stands in). */
  spotFigure?: boolean;
}

/** A container instance as the EC2 launch type's share reads it (DescribeContainerInstances). */
export interface ContainerInstanceSize {
  /** The agent's `ecs.instance-type` attribute. */
  instanceType: string;
  /** registeredResources CPU (units) and MEMORY (MiB). */
  registeredCpu: number;
  registeredMemoryMib: number;
}

/** What one EC2 instance costs an hour, with where the figure came from. */
export interface PricedInstance {
  instanceType: string;
  hourly: number;
  source: PriceSource;
  asOf: string;
}

/** A repository's storage: the sum of its images' sizes × the region's GB-month price. */
export interface RepositoryStorageCost {
  repositoryName: string;
  images: number;
  /** Sum of imageSizeInBytes (layers shared between images are counted once per image, as DescribeImages reports them). */
  bytes: number;
  gb: number;
  monthly: number;
  region: string;
  source: PriceSource;
  asOf: string;
  notes: string[];
}

/** `ecsWorkbench.estimateCost`'s argument object (one of file, definition, taskDefinition). */
export interface EstimateCostArgs {
  file?: string;
  definition?: unknown;
  taskDefinition?: string;
  region?: string;
  profile?: string;
  count?: number;
  capacityProvider?: CapacityProviderName;
  /** EC2 launch type: the cluster whose container instances the task's share is priced on. */
  cluster?: string;
}

export type EstimateCostResult = Pick<CostEstimate, 'currency' | 'hourly' | 'monthly' | 'perTask' | 'source' | 'asOf'> & {
  region: string;
  count: number;
  notes: string[];
  capacityProvider: CostEstimate['capacityProvider'];
  /** The one-line form ("≈ $36.04/month per task · us-east-1 · Linux/x86 · on-demand"). */
  text: string;
};

/** Hours in a month, as AWS's pricing pages and calculator count them. */
export const HOURS_PER_MONTH = 730;
