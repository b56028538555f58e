/* Generated from schemas/*.schema.json by `npm run gen:types` (ajv standalone code). Do not edit. */
import type { ValidateFunction } from "ajv/dist/2020.js";
export declare const DomainPack: ValidateFunction;
export declare const DomainPackRegistry: ValidateFunction;
export declare const Environment: ValidateFunction;
export declare const EnvironmentLock: ValidateFunction;
export declare const Lab: ValidateFunction;
export declare const Observation: ValidateFunction;
export declare const RepoConfig: ValidateFunction;
export declare const Share: ValidateFunction;
export declare const Snapshot: ValidateFunction;
export declare const SnapshotRecord: ValidateFunction;
export declare const Succession: ValidateFunction;
