// The cost estimate — a bundle of its own (dist/cost-actions.js), required on first use through
// loader.ts, so activation does not evaluate the cost model, the Price List reader or the snapshot.
// What the surfaces that show a figure (CodeLens, tooltips, confirmations, the service page) use.
export { estimateCostCommand } from './estimateCost';
export { costEstimatorFor, estimateRepositoryCost, priceBookFor, windowCostEstimator } from './estimators';
export { describeCountChange, describeEstimate, describeServiceCost, describeSource, estimateFargate, estimateService, formatRate, formatUsd, taskShapeOf, withCount, CostError } from '../../cost/estimate';
export type { CostEstimator, ServiceCostEstimate, TaskDefinitionCost, TaskCostOptions } from '../../cost/estimator';
export type { PriceBook } from '../../cost/priceBook';
// Worded for the surfaces (the task-definition CodeLens, the service tooltip): loaded with the figures, not at activation.
export { readServiceCost, serviceCostRows, taskCostFigure } from '../metrics/costFigures';
