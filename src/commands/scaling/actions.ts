// The entry of dist/scaling-actions.js: what the auto scaling commands load on first use.
export { setScalingCapacityCommand, suspendScalingCommand, resumeScalingCommand } from './capacity';
export { putScalingPolicyCommand, deleteScalingPolicyCommand } from './policy';
export { putScheduledActionCommand, deleteScheduledActionCommand } from './scheduled';
export { showScalingActivitiesCommand } from './activities';
