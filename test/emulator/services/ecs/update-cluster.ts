/**
 * UpdateCluster: settings (by name), configuration (ECS Exec's executeCommandConfiguration, managed
 * storage; each given member replaces the old one) and the Service Connect default namespace
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateCluster.html).
 */
import { arn } from '../../kit/arn';
import { perRegion, type Region } from '../../kit/world';
import { clusterView } from './clusters';
import { EcsHandlers } from './common';
import { checkClusterConfiguration } from './exec/clusterConfig';
import { ecsState } from './state';

/**
 * Cloud Map namespaces by name: "If you enter a new name, a Cloud Map namespace will be created"
 * (ClusterServiceConnectDefaultsRequest); the emulator serves no Cloud Map, so only their ARNs exist.
 */
const namespaces = perRegion('ecs-service-connect-namespaces', () => new Map<string, string>());

function namespaceArn(region: Region, ref: string): string {
  if (ref.startsWith('arn:')) {
    return ref;
  }
  const known = namespaces(region);
  let a = known.get(ref);
  if (!a) {
    a = arn('servicediscovery', region.name, `namespace/ns-${region.core.rnd.hex(16)}`);
    known.set(ref, a);
  }
  return a;
}

export const updateClusterHandlers: EcsHandlers<'UpdateCluster'> = {
  UpdateCluster: (input, { region }) => {
    const c = ecsState(region).cluster(input.cluster);
    checkClusterConfiguration(input.configuration);
    if (input.settings) {
      const byName = new Map((c.settings ?? []).map((s) => [s.name, s]));
      input.settings.forEach((s) => byName.set(s.name, s));
      c.settings = [...byName.values()];
    }
    if (input.configuration) {
      c.configuration = { ...c.configuration, ...input.configuration };
    }
    if (input.serviceConnectDefaults) {
      // An empty name removes the cluster's Service Connect configuration (the namespace stays).
      const ns = input.serviceConnectDefaults.namespace;
      c.serviceConnectDefaults = ns ? { namespace: namespaceArn(region, ns) } : undefined;
    }
    return { cluster: clusterView(region, c, ['TAGS', 'SETTINGS', 'CONFIGURATIONS', 'ATTACHMENTS']) };
  },
};
