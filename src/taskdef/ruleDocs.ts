/**
 * What each rule checks, in a sentence, what to do about it, and the page that documents it: the
 * SARIF rules of `ecs-taskdef-lint --format sarif` (GitHub code scanning shows them beside each
 * alert). Typed by RuleCode: a new code does not compile until it is documented here.
 */
import type { RuleCode } from './codes';

export interface RuleDoc {
  /** One sentence: what is wrong. */
  title: string;
  /** Why, and what to do. */
  help: string;
  helpUri: string;
}

const ECS = 'https://docs.aws.amazon.com/AmazonECS/latest';
const PARAMETERS = `${ECS}/developerguide/task_definition_parameters.html`;
const CONTAINER = `${ECS}/APIReference/API_ContainerDefinition.html`;
const REGISTER = `${ECS}/APIReference/API_RegisterTaskDefinition.html`;
const FARGATE = `${ECS}/developerguide/fargate-tasks-services.html`;
const TASK_SIZE = `${PARAMETERS}#task_size`;
const NETWORKING = `${ECS}/developerguide/task-networking.html`;
const EXECUTION_ROLE = `${ECS}/developerguide/task_execution_IAM_role.html`;
const SECRETS = `${ECS}/developerguide/specifying-sensitive-data.html`;
const CREATE_SERVICE = `${ECS}/APIReference/API_CreateService.html`;
const DEPLOYMENT_CONFIGURATION = `${ECS}/APIReference/API_DeploymentConfiguration.html`;
const CIRCUIT_BREAKER = `${ECS}/developerguide/deployment-circuit-breaker.html`;
const BLUE_GREEN = `${ECS}/developerguide/deployment-type-blue-green.html`;
const HOOKS = `${ECS}/developerguide/deployment-lifecycle-hooks.html`;
const TERRAFORM = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition';
const CFN_TEMPLATE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html';
const QUERY_LANGUAGE = `${ECS}/developerguide/cluster-query-language.html`;
const JSON_RFC = 'https://www.rfc-editor.org/rfc/rfc8259';

export const RULE_DOCS: Record<RuleCode, RuleDoc> = {
  'json-syntax': { title: 'The file is not valid JSON.', help: 'AWS, the AWS CLI (--cli-input-json) and the deploy actions read definitions as strict JSON: no comments, no trailing commas, double-quoted keys. Fix the syntax at the reported position.', helpUri: JSON_RFC },
  'nesting-too-deep': { title: 'The file nests deeper than the linter reads.', help: 'A definition is a few levels deep; more than 1,200 levels is not a definition. The file is not checked further.', helpUri: JSON_RFC },
  'not-an-object': { title: 'A task or service definition must be a JSON object.', help: 'The top level of a task or service definition is { … }. A Terraform container_definitions file (an array) is linted with --kind containers.', helpUri: REGISTER },
  'not-an-array': { title: 'A container definitions file must be a JSON array.', help: 'Terraform\'s container_definitions is the containerDefinitions array alone ([ { "name": …, "image": … } ]), not a whole task definition: the task-level parameters are arguments of aws_ecs_task_definition.', helpUri: TERRAFORM },
  'duplicate-key': { title: 'A property is written twice in one object.', help: 'JSON readers keep the last value and drop the first without a word. Remove one of them.', helpUri: JSON_RFC },
  'unknown-property': { title: 'The property is not part of the API shape.', help: 'RegisterTaskDefinition and CreateService reject unknown properties (Terraform drops them silently from container definitions). Usually a typo: the message suggests the nearest name.', helpUri: CONTAINER },
  'missing-required': { title: 'A required property is missing.', help: 'The API refuses the request without it. Add the property the message names.', helpUri: REGISTER },
  'type-mismatch': { title: 'The value has the wrong JSON type.', help: 'Numbers are written without quotes, strings with them, booleans as true/false. The AWS CLI and Terraform refuse a value of another type.', helpUri: CONTAINER },
  'invalid-enum': { title: 'The value is not one the API accepts.', help: 'The property takes one of a fixed list of values (listed in the message); any other is refused at registration.', helpUri: REGISTER },
  'empty-value': { title: 'An enumerated property is set to the empty string.', help: 'Some tools treat "" as absent, the AWS CLI refuses it. Remove the property or set one of the allowed values.', helpUri: REGISTER },
  'string-too-long': { title: 'The string is longer than the API allows.', help: 'Shorten it to the length the message gives.', helpUri: REGISTER },
  'string-too-short': { title: 'The string is shorter than the API allows.', help: 'Give a value of at least the length the message gives.', helpUri: REGISTER },
  'number-out-of-range': { title: 'The number is outside the allowed range.', help: 'Use a value within the minimum and maximum the message gives.', helpUri: REGISTER },
  'array-too-short': { title: 'The array has fewer items than required.', help: 'Add items up to the minimum (a task definition needs at least one container: "Container list cannot be empty.").', helpUri: REGISTER },
  'array-too-long': { title: 'The array has more items than allowed.', help: 'Remove items down to the maximum the message gives.', helpUri: REGISTER },
  'read-only-field': { title: 'A read-only field of describe output is in the definition.', help: 'taskDefinitionArn, revision, status, registeredAt and the like come back from Describe*, the API does not accept them on input. Remove them before registering.', helpUri: `${ECS}/APIReference/API_DescribeTaskDefinition.html` },
  'wrapped-task-definition': { title: 'The file is describe-task-definition output.', help: 'Register the object inside "taskDefinition" (keeping "tags"), not the wrapper.', helpUri: `${ECS}/APIReference/API_DescribeTaskDefinition.html` },
  'wrapped-service-definition': { title: 'The file is create-service or describe-services output.', help: 'Use the object inside "service" (or one of "services") as the definition.', helpUri: `${ECS}/APIReference/API_DescribeServices.html` },
  'invalid-name': { title: 'The family or container name has characters ECS does not allow.', help: 'Names are up to 255 letters, digits, hyphens and underscores.', helpUri: `${PARAMETERS}#container_definition_name` },
  'invalid-image': { title: 'The image is not a valid image reference.', help: 'An image is [registry/]repository[:tag][@sha256:digest], repository names in lowercase, no URL scheme, a "/" after an ECR registry host.', helpUri: `${PARAMETERS}#container_definition_image` },
  'fargate-requires-awsvpc': { title: 'A Fargate task must use the awsvpc network mode.', help: 'Set "networkMode": "awsvpc" on every task definition that requires FARGATE compatibility.', helpUri: FARGATE },
  'fargate-cpu-required': { title: 'A Fargate task needs a task-level cpu.', help: 'Fargate sizes the task from its task-level cpu and memory: set "cpu" (for example "256" or "1 vCPU").', helpUri: TASK_SIZE },
  'fargate-memory-required': { title: 'A Fargate task needs a task-level memory.', help: 'Fargate sizes the task from its task-level cpu and memory: set "memory" (for example "512" or "2 GB").', helpUri: TASK_SIZE },
  'fargate-invalid-cpu': { title: 'Fargate has no task size with this cpu.', help: 'Fargate accepts only the cpu values of its table of task sizes; the message lists them.', helpUri: TASK_SIZE },
  'fargate-invalid-memory': { title: 'Fargate has no task size with this cpu and memory.', help: 'Each Fargate cpu value allows only certain memory values; the message lists them and the nearest.', helpUri: TASK_SIZE },
  'fargate-windows-cpu': { title: 'Windows containers on Fargate need at least 1 vCPU.', help: 'Set the task cpu to 1024 or more for Windows on Fargate.', helpUri: FARGATE },
  'fargate-privileged': { title: 'Fargate does not allow privileged containers.', help: 'Remove "privileged" from the container, or run the task on EC2.', helpUri: FARGATE },
  'fargate-links': { title: 'Fargate does not support links.', help: 'On Fargate (awsvpc) the containers of a task share one network namespace: remove "links" and reach the other containers on localhost.', helpUri: FARGATE },
  'fargate-host-volume': { title: 'Fargate does not support host source paths.', help: 'Remove "sourcePath" (an empty "host" gives task storage), or use an EFS volume.', helpUri: FARGATE },
  'fargate-docker-volume': { title: 'Fargate does not support Docker volumes.', help: 'Use "efsVolumeConfiguration" or task storage instead of "dockerVolumeConfiguration".', helpUri: FARGATE },
  'fargate-placement-constraints': { title: 'Fargate does not support task placement constraints.', help: 'Remove "placementConstraints" from a Fargate task definition.', helpUri: FARGATE },
  'invalid-task-cpu': { title: 'The task cpu is not a cpu value.', help: 'Write CPU units ("1024") or vCPUs ("1 vCPU", ".25 vCPU").', helpUri: TASK_SIZE },
  'invalid-task-memory': { title: 'The task memory is not a memory value.', help: 'Write MiB ("2048") or GB ("2 GB").', helpUri: TASK_SIZE },
  'missing-container-name': { title: 'A container has no name.', help: 'RegisterTaskDefinition refuses it ("Container.name should not be null or empty"). Give every container a "name".', helpUri: `${PARAMETERS}#container_definition_name` },
  'missing-container-image': { title: 'A container has no image.', help: 'RegisterTaskDefinition refuses it ("Container.image should not be null or empty"). Give every container an "image".', helpUri: `${PARAMETERS}#container_definition_image` },
  'duplicate-container-name': { title: 'Two containers have the same name.', help: 'Container names must be unique within a task definition.', helpUri: `${PARAMETERS}#container_definition_name` },
  'no-essential-container': { title: 'No container is essential.', help: 'A task needs at least one essential container: set "essential": true on the main one (absent means true).', helpUri: `${PARAMETERS}#container_definition_essential` },
  'depends-on-missing-container': { title: 'dependsOn names a container that is not in the task.', help: 'Fix the container name (the message suggests the nearest) or add the container.', helpUri: `${ECS}/developerguide/example_task_definitions.html#example_task_definition-containerdependency` },
  'depends-on-cycle': { title: 'Containers depend on each other in a cycle.', help: 'ECS cannot start any container of a dependency cycle: break it.', helpUri: `${ECS}/developerguide/example_task_definitions.html#example_task_definition-containerdependency` },
  'depends-on-healthy-without-healthcheck': { title: 'Condition HEALTHY on a container without a health check.', help: 'HEALTHY waits for the other container\'s health check: add a "healthCheck" to it, or use START.', helpUri: `${ECS}/developerguide/example_task_definitions.html#example_task_definition-containerdependency` },
  'depends-on-exit-of-essential': { title: 'COMPLETE or SUCCESS waits for an essential container to exit.', help: 'When an essential container exits the task stops: set "essential": false on the container that is waited for.', helpUri: `${ECS}/developerguide/example_task_definitions.html#example_task_definition-containerdependency` },
  'mount-point-unknown-volume': { title: 'A mount point names a volume the task does not define.', help: 'Add the volume to the task\'s "volumes" or fix the name.', helpUri: `${ECS}/developerguide/using_data_volumes.html` },
  'volumes-from-missing-container': { title: 'volumesFrom names a container that is not in the task.', help: 'Fix the container name or add the container.', helpUri: `${PARAMETERS}#container_definition_volumesfrom` },
  'links-requires-bridge': { title: 'links work only in bridge network mode.', help: 'In awsvpc and host modes the containers reach each other on localhost: remove "links".', helpUri: NETWORKING },
  'link-missing-container': { title: 'A link names a container that is not in the task.', help: 'Fix the container name or add the container.', helpUri: `${PARAMETERS}#container_definition_links` },
  'host-port-mismatch': { title: 'hostPort differs from containerPort in awsvpc or host mode.', help: 'In awsvpc and host network modes (and so on Fargate) the host port is the container port: omit "hostPort" or set it equal.', helpUri: `${PARAMETERS}#container_definition_portmappings` },
  'duplicate-port-mapping': { title: 'A port is mapped twice.', help: 'One container maps a container port once per protocol, and one host port serves one container of a task.', helpUri: `${PARAMETERS}#container_definition_portmappings` },
  'container-memory-missing': { title: 'A container has no memory and the task has none either.', help: 'On EC2 without a task-level memory each container needs "memory" or "memoryReservation" (MiB).', helpUri: `${PARAMETERS}#container_definition_memory` },
  'container-memory-exceeds-task': { title: 'A container asks for more memory than the task has.', help: 'Lower the container\'s memory (or memoryReservation) or raise the task memory.', helpUri: `${PARAMETERS}#container_definition_memory` },
  'memory-reservation-exceeds-memory': { title: 'memoryReservation is above the container\'s memory limit.', help: 'The soft limit must not exceed the hard limit "memory": lower it.', helpUri: `${PARAMETERS}#container_definition_memory` },
  'container-cpu-exceeds-task': { title: 'The containers ask for more cpu than the task has.', help: 'Lower the container cpu values or raise the task cpu.', helpUri: TASK_SIZE },
  'invalid-secret-value-from': { title: 'valueFrom is not a Secrets Manager or SSM Parameter Store reference.', help: 'Use a Secrets Manager secret ARN, or an SSM parameter ARN or name.', helpUri: SECRETS },
  'awslogs-missing-option': { title: 'The awslogs log driver lacks required options.', help: 'awslogs needs awslogs-group and awslogs-region, and awslogs-stream-prefix on Fargate.', helpUri: `${ECS}/developerguide/using_awslogs.html` },
  'execution-role-required': { title: 'The task needs an execution role.', help: 'awslogs on Fargate, secrets, private registry credentials and private ECR images on Fargate need "executionRoleArn".', helpUri: EXECUTION_ROLE },
  'task-level-in-container': { title: 'A task-level parameter is written inside a container.', help: 'Terraform drops it silently from container_definitions: set it with the matching argument of aws_ecs_task_definition (network_mode, execution_role_arn, volume, …).', helpUri: TERRAFORM },
  'property-name-case': { title: 'A property name differs from the API\'s in case.', help: 'Terraform\'s JSON decoder matches it ignoring case, the AWS CLI does not, and the rules read the API spelling: write the name as the API does.', helpUri: TERRAFORM },
  'launch-type-with-capacity-providers': { title: 'launchType and capacityProviderStrategy are both set.', help: 'CreateService accepts one or the other: remove launchType to use the capacity providers.', helpUri: CREATE_SERVICE },
  'placement-with-fargate': { title: 'Placement strategies or constraints on a Fargate service.', help: 'Fargate places tasks itself: remove placementStrategy and placementConstraints.', helpUri: `${ECS}/developerguide/task-placement-strategies.html` },
  'placement-strategy-with-daemon': { title: 'A placement strategy on a DAEMON service.', help: 'DAEMON services run one task per instance and take no placement strategy.', helpUri: `${ECS}/developerguide/task-placement-strategies.html` },
  'placement-strategy-field': { title: 'The placement strategy field does not fit its type.', help: 'spread takes instanceId, host or attribute:<name>; binpack takes cpu or memory; random takes none.', helpUri: `${ECS}/developerguide/task-placement-strategies.html` },
  'placement-constraint-expression': { title: 'The placement constraint expression is not valid.', help: 'memberOf needs a cluster query language expression; distinctInstance takes none.', helpUri: `${ECS}/developerguide/cluster-query-language.html` },
  'deployment-percent-bounds': { title: 'The deployment percentages are out of bounds.', help: 'minimumHealthyPercent is 0 to 100; maximumPercent is at least 100 for replica services and not below minimumHealthyPercent.', helpUri: DEPLOYMENT_CONFIGURATION },
  'deployment-no-room': { title: 'The deployment percentages leave no room to replace tasks.', help: 'With minimumHealthyPercent 100 and maximumPercent 100 a rolling deployment can neither stop an old task nor start a new one: raise maximumPercent (e.g. 200) or lower minimumHealthyPercent.', helpUri: DEPLOYMENT_CONFIGURATION },
  'circuit-breaker-controller': { title: 'The circuit breaker needs the ECS deployment controller.', help: 'deploymentCircuitBreaker works only with the ECS (rolling) deployment controller.', helpUri: CIRCUIT_BREAKER },
  'circuit-breaker-disabled': { title: 'Rollback is set on a disabled circuit breaker.', help: '"rollback": true has no effect while "enable" is false: set "enable": true.', helpUri: CIRCUIT_BREAKER },
  'load-balancer-target': { title: 'The load balancer entry has no valid target.', help: 'Give either a targetGroupArn (an Application or Network Load Balancer target group ARN) or a loadBalancerName (Classic), not both.', helpUri: `${ECS}/developerguide/service-load-balancing.html` },
  'load-balancer-container': { title: 'The load balancer entry lacks its container.', help: 'Name the containerName and containerPort the load balancer sends traffic to.', helpUri: `${ECS}/developerguide/service-load-balancing.html` },
  'awsvpc-subnets': { title: 'The awsvpc subnets are missing or not subnet IDs.', help: 'awsvpcConfiguration needs at least one subnet, each a subnet ID (subnet-…).', helpUri: `${ECS}/APIReference/API_NetworkConfiguration.html` },
  'awsvpc-security-groups': { title: 'A security group is not a security group ID.', help: 'awsvpcConfiguration takes security group IDs (sg-…).', helpUri: `${ECS}/APIReference/API_NetworkConfiguration.html` },
  'assign-public-ip-ec2': { title: 'assignPublicIp ENABLED on the EC2 launch type.', help: 'A public IP can be assigned to Fargate tasks only: remove it or use DISABLED.', helpUri: `${ECS}/APIReference/API_NetworkConfiguration.html` },
  'strategy-controller': { title: 'The deployment strategy needs the ECS deployment controller.', help: 'BLUE_GREEN, LINEAR and CANARY are strategies of the ECS deployment controller.', helpUri: BLUE_GREEN },
  'strategy-needs-traffic': { title: 'The strategy needs a way to shift traffic.', help: 'BLUE_GREEN, LINEAR and CANARY need advancedConfiguration on every load balancer, or Service Connect.', helpUri: BLUE_GREEN },
  'advanced-configuration-field': { title: 'advancedConfiguration lacks a field or has a wrong one.', help: 'It needs alternateTargetGroupArn (a second target group), productionListenerRule and roleArn; testListenerRule is optional.', helpUri: `${ECS}/APIReference/API_AdvancedConfiguration.html` },
  'bake-time-missing': { title: 'No bake time is set for the strategy.', help: 'Give bakeTimeInMinutes (0–1440): how long both revisions keep running after production traffic has moved, so a rollback is instant.', helpUri: BLUE_GREEN },
  'bake-time-range': { title: 'The bake time is out of range.', help: 'Bake times are 0 to 1440 minutes.', helpUri: DEPLOYMENT_CONFIGURATION },
  'linear-step-percent': { title: 'The linear step percent is out of range.', help: 'stepPercent is 3.0 to 100.', helpUri: `${ECS}/APIReference/API_LinearConfiguration.html` },
  'canary-percent': { title: 'The canary percent is out of range.', help: 'canaryPercent is 0.1 to 100 in steps of 0.1.', helpUri: `${ECS}/APIReference/API_CanaryConfiguration.html` },
  'strategy-configuration-mismatch': { title: 'A strategy configuration is set for another strategy.', help: 'linearConfiguration goes with LINEAR, canaryConfiguration with CANARY only.', helpUri: DEPLOYMENT_CONFIGURATION },
  'strategy-task-counts': { title: 'How the task percentages act under this strategy.', help: 'Under blue/green strategies the new revision starts at the full desired count beside the old one.', helpUri: BLUE_GREEN },
  'strategy-circuit-breaker': { title: 'How the circuit breaker acts under this strategy.', help: 'A tripped circuit breaker or alarm moves the traffic back to the old revision.', helpUri: BLUE_GREEN },
  'lifecycle-hook-stages': { title: 'The lifecycle hook has no valid stage.', help: 'Name at least one lifecycle stage the hook runs at.', helpUri: HOOKS },
  'lifecycle-hook-stage-strategy': { title: 'The hook stage is never reached with this strategy.', help: 'A ROLLING service never reaches the traffic-shift stages.', helpUri: HOOKS },
  'pause-hook-stage': { title: 'A PAUSE hook at a traffic-shift stage.', help: 'PAUSE hooks cannot wait at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT.', helpUri: HOOKS },
  'lambda-hook-fields': { title: 'The Lambda hook lacks its function or role.', help: 'A Lambda hook needs hookTargetArn (a Lambda function) and roleArn.', helpUri: `${ECS}/APIReference/API_DeploymentLifecycleHook.html` },
  'pause-hook-fields': { title: 'The PAUSE hook has fields it does not use.', help: 'A PAUSE hook waits to be continued: it takes no Lambda target.', helpUri: `${ECS}/APIReference/API_DeploymentLifecycleHook.html` },
  'fargate-log-driver': { title: 'Fargate does not support this log driver.', help: 'Fargate tasks log through awslogs, splunk or awsfirelens (FireLens, to route anywhere else); other drivers are refused at run time.', helpUri: FARGATE },
  'daemon-with-fargate': { title: 'A DAEMON service cannot run on Fargate.', help: 'Fargate has no container instances to run one task on each: use the REPLICA scheduling strategy with a desired count, or the EC2 launch type.', helpUri: CREATE_SERVICE },
  'template-syntax': { title: 'The template is not valid YAML or JSON.', help: 'CloudFormation cannot read the template: fix the syntax at the reported position.', helpUri: CFN_TEMPLATE },
  'template-null-value': { title: 'A template property is null.', help: 'CloudFormation refuses null values: give a value, remove the property, or use !Ref AWS::NoValue under a condition.', helpUri: CFN_TEMPLATE },
  'service-task-container': { title: 'The service\'s load balancer names a container its task definition does not have.', help: 'LoadBalancers[].ContainerName must be the name of a container of the service\'s task definition; CreateService refuses any other.', helpUri: `${ECS}/APIReference/API_LoadBalancer.html` },
  'service-task-port': { title: 'The service\'s load balancer names a port the container does not map.', help: 'LoadBalancers[].ContainerPort must be a containerPort of that container\'s PortMappings.', helpUri: `${ECS}/APIReference/API_LoadBalancer.html` },
  'service-task-network': { title: 'The service\'s network configuration does not fit its task definition\'s network mode.', help: 'awsvpc tasks need NetworkConfiguration.AwsvpcConfiguration (subnets, security groups); other network modes take none.', helpUri: NETWORKING },
  'service-task-compatibility': { title: 'A Fargate service runs a task definition that is not Fargate-compatible.', help: 'The task definition must list FARGATE in RequiresCompatibilities, use awsvpc and set task-level Cpu and Memory.', helpUri: FARGATE },
  'placement-expression-syntax': { title: 'The memberOf expression is not valid cluster query language.', help: 'A memberOf constraint\'s expression is written in ECS\'s cluster query language (subject operator value, joined by and / or, with parentheses); fix the part the message points at.', helpUri: QUERY_LANGUAGE },
  'placement-unknown-attribute': { title: 'The expression names an ecs. attribute ECS does not set.', help: 'Built-in attributes are ecs.instance-type, ecs.availability-zone, ecs.ami-id, ecs.os-type, ecs.cpu-architecture and the like; a misspelt one matches no instance, so no task is placed.', helpUri: QUERY_LANGUAGE },
  'placement-distinct-instance-in-task': { title: 'distinctInstance is not allowed in a task definition.', help: 'A task definition\'s placementConstraints take memberOf only; put distinctInstance on the service or the RunTask call.', helpUri: `${ECS}/developerguide/task-placement-constraints.html` },
  'placement-too-many': { title: 'More placement rules than ECS accepts.', help: 'ECS takes at most 5 placement strategy rules and 10 placement constraints per task or service.', helpUri: `${ECS}/developerguide/task-placement.html` },
};
