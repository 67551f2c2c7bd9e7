// The Emitter lives in util/ (src/ssm uses it too); this path stays for the aws layer's importers.
export * from '../util/events';
