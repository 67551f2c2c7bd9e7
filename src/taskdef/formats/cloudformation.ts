/**
 * CloudFormation / SAM templates (JSON or YAML): each AWS::ECS::TaskDefinition and AWS::ECS::Service
 * resource's Properties validated with the definition rules, CloudFormation's property names, on the
 * template's own lines (src/taskdef/cloudformation/).
 */
import { validateCloudFormation } from '../cloudformation/validateTemplate';
import type { ValidateOptions } from '../types';
import type { ValidationResult } from '../validate';

export function validateTemplate(text: string, options: ValidateOptions): ValidationResult {
  return validateCloudFormation(text, options);
}

/**
 * A template by its text: `AWSTemplateFormatVersion`, or `Resources` holding an `AWS::…` Type (JSON
 * or YAML, minified JSON too). A regular expression, not a parse: the editor asks it of every YAML
 * and JSON file that names an ECS resource.
 */
export function looksLikeTemplate(text: string): boolean {
  if (/(?:^|[{,])\s*["']?AWSTemplateFormatVersion["']?\s*:/m.test(text)) return true;
  return /(?:^|[{,])\s*["']?Resources["']?\s*:/m.test(text) && /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/.test(text);
}

/** File names a template is kept under (YAML cannot be told from its text alone before parsing). */
export function isTemplateFileName(fileName: string | undefined): boolean {
  return !!fileName && /\.(ya?ml|template|json)$/i.test(fileName);
}
