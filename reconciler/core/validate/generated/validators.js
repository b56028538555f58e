/* Generated from schemas/*.schema.json by `npm run gen:types` (ajv standalone code). Do not edit. */
import * as __ns0 from "ajv/dist/runtime/ucs2length.js";
const __dep0 = __ns0.default?.__esModule ? __ns0.default : __ns0;
import * as __ns1 from "ajv-formats/dist/formats.js";
const __dep1 = __ns1.default?.__esModule ? __ns1.default : __ns1;
export const DomainPack = validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://labenv.westtek.io/schemas/v1/domain-pack.schema.json","title":"DomainPack","description":"A curated, versioned research stack: base image by digest, Python, a fully pinned package set, kernels, JupyterLab extensions and defaults. Lives at `domain-packs/<name>/<version>/pack.yaml`. A published version is immutable: publish a new version instead of editing one.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"labenv.westtek.io/v1","description":"The labenv document format version. Always `labenv.westtek.io/v1`."},"kind":{"const":"DomainPack","description":"The document kind: `DomainPack`."},"metadata":{"type":"object","additionalProperties":false,"required":["name","version"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The pack name. Must equal the directory: `domain-packs/<name>/`."},"version":{"type":"string","pattern":"^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$","description":"The pack version (semver). Must equal the directory: `domain-packs/<name>/<version>/`."},"labels":{"type":"object","description":"Free-form labels for grouping and search. Keys must not look like secrets: labenv never stores credentials in Git.","propertyNames":{"pattern":"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$","not":{"pattern":"[Pp][Aa][Ss][Ss][Ww]([Oo][Rr])?[Dd]|[Ss][Ee][Cc][Rr][Ee][Tt]|[Tt][Oo][Kk][Ee][Nn]|[Aa][Pp][Ii][-_]?[Kk][Ee][Yy]|[Pp][Rr][Ii][Vv][Aa][Tt][Ee][-_]?[Kk][Ee][Yy]|[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll]|[Aa][Cc][Cc][Ee][Ss][Ss][-_]?[Kk][Ee][Yy]"}},"additionalProperties":{"type":"string","maxLength":256}}}},"spec":{"type":"object","additionalProperties":false,"required":["description","maintainer","trust","image","python","packages","kernels"],"properties":{"description":{"type":"string","minLength":3,"maxLength":1024,"description":"What the stack is for."},"keywords":{"type":"array","maxItems":20,"uniqueItems":true,"items":{"type":"string","pattern":"^[a-z0-9][a-z0-9+.-]{0,31}$"},"description":"Words people search for (`rna-seq`, `single-cell`, `climate`): lower case, at most 20. Published in the registry's index, so `labenv packs search --registry` finds the pack by them."},"examples":{"type":"array","maxItems":20,"items":{"type":"object","additionalProperties":false,"required":["file","sha256"],"properties":{"file":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.ipynb$","description":"A notebook in this version's `examples/` directory (at most 1 MiB)."},"sha256":{"type":"string","pattern":"^sha256:[a-f0-9]{64}$","description":"The file's sha256: part of the version's checksum and signature, so the notebook is as published. `labenv validate` prints the value when it disagrees."}}},"description":"Example notebooks shipped with the pack, at most 20: built into the environment image and placed in `examples/` of a new environment's home on its first start; never over a file already there."},"maintainer":{"type":"object","additionalProperties":false,"required":["name","github"],"description":"Who curates the pack.","properties":{"name":{"type":"string","maxLength":128,"description":"The maintainer's full name."},"github":{"type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$","description":"The maintainer's GitHub login; asked to review changes to the pack."},"email":{"type":"string","format":"email","description":"Where to reach the maintainer."}}},"trust":{"type":"string","enum":["verified","community","experimental"],"description":"`verified`: built and tested by research computing; `community`: maintained by a lab; `experimental`: use at your own risk."},"image":{"type":"string","pattern":"^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._/-][a-z0-9]+)*)*@sha256:[a-f0-9]{64}$","description":"A container image pinned by digest (`registry/repo@sha256:<64 hex>`). Tags are not accepted: a tag can move, a digest cannot."},"python":{"type":"string","pattern":"^3\\.[0-9]{1,2}\\.[0-9]{1,2}$","description":"An exact CPython version, e.g. `3.11.9`."},"packages":{"type":"object","description":"Every Python package in the image with its exact version (`numpy: 1.26.4`). Keys are PEP 503 normalized names.","propertyNames":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$","description":"A Python distribution name normalized per PEP 503 (lower case, runs of `-`, `_`, `.` written as one `-`)."},"additionalProperties":{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)*((a|b|rc)[0-9]+)?(\\.post[0-9]+)?$","description":"An exact PEP 440 release version."}},"provides":{"type":"object","additionalProperties":false,"description":"Software in the image that is not a Python package, so that `labenv import` can tell a researcher which of their apt.txt, install.R and conda entries the pack already provides. Names as the package manager spells them.","properties":{"system":{"type":"object","description":"System packages (Debian apt and conda names, e.g. `cdo`, `libgdal-dev`) with their versions.","propertyNames":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9.+_-]{0,127}$"},"additionalProperties":{"type":"string","minLength":1,"maxLength":64,"pattern":"^[A-Za-z0-9][A-Za-z0-9.+:~_-]*$","description":"The version in the image, as its package manager reports it."}},"r":{"type":"object","description":"R packages (CRAN/Bioconductor names, e.g. `ggplot2`, `DESeq2`) with their versions; `R` itself for the R version.","propertyNames":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9.]{0,127}$"},"additionalProperties":{"type":"string","minLength":1,"maxLength":64,"pattern":"^[A-Za-z0-9][A-Za-z0-9.+:~_-]*$","description":"The version in the image, as its package manager reports it."}}}},"kernels":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["name","language"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,63}$","description":"The kernelspec name Jupyter uses (`python3`, `ir`, `julia-1.10`)."},"language":{"type":"string","enum":["python","R","julia"],"description":"The kernel's language."},"displayName":{"type":"string","maxLength":128,"description":"The name shown in JupyterLab's launcher."},"version":{"type":"string","maxLength":32,"description":"The language runtime version the kernel runs (R 4.4.1, Julia 1.10.5)."}}},"description":"The kernels the image provides."},"extensions":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["name","version"],"properties":{"name":{"type":"string","pattern":"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$","description":"The JupyterLab extension's npm package name."},"version":{"type":"string","pattern":"^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$","description":"The exact extension version."}}},"description":"JupyterLab extensions installed in the image."},"defaults":{"type":"object","additionalProperties":false,"description":"Defaults for environments that use the pack.","properties":{"resources":{"type":"object","additionalProperties":false,"required":["cpu","memory"],"description":"Compute and storage for the Jupyter task.","properties":{"cpu":{"type":"integer","enum":[256,512,1024,2048,4096,8192,16384],"description":"Fargate CPU units (1024 = 1 vCPU). Each value allows only certain memory sizes; `labenv validate` checks the pair."},"memory":{"type":"integer","minimum":512,"maximum":122880,"description":"Memory in MiB. Must be a size Fargate offers for the chosen cpu (e.g. cpu 1024 allows 2048–8192 in steps of 1024)."},"storageGiB":{"type":"integer","minimum":1,"maximum":16384,"description":"Size in GiB of the EBS volume mounted at `/opt/jupyter` (installed packages and kernels)."}}},"jupyterConfig":{"type":"object","description":"Jupyter server and lab settings, as `Section.option: value` (e.g. `ServerApp.shutdown_no_activity_timeout: 3600`). Tokens and passwords are never set here: access goes through the load balancer.","propertyNames":{"pattern":"^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$","not":{"pattern":"[Pp][Aa][Ss][Ss][Ww]([Oo][Rr])?[Dd]|[Ss][Ee][Cc][Rr][Ee][Tt]|[Tt][Oo][Kk][Ee][Nn]|[Aa][Pp][Ii][-_]?[Kk][Ee][Yy]|[Pp][Rr][Ii][Vv][Aa][Tt][Ee][-_]?[Kk][Ee][Yy]|[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll]|[Aa][Cc][Cc][Ee][Ss][Ss][-_]?[Kk][Ee][Yy]"}},"additionalProperties":{"type":["string","number","boolean","array","object","null"]}}}},"mounts":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["dataset","path"],"properties":{"dataset":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The lab's shared dataset (a directory on the lab's EFS file system, mounted through its own access point)."},"path":{"type":"string","pattern":"^/data(/[A-Za-z0-9._-]+)+$","description":"Where the dataset appears in the container, under `/data`."},"readOnly":{"type":"boolean","default":true,"description":"Mount read-only (the default) so analyses cannot change reference data."}}},"description":"Datasets every environment of this pack mounts."},"agent":{"type":"object","additionalProperties":false,"required":["path"],"description":"Where the labenv observation agent lives in the image (it reports installed packages, kernels and extensions for drift detection).","properties":{"path":{"type":"string","pattern":"^/[A-Za-z0-9._/-]+\\.py$","description":"Path of the agent script inside the image."},"intervalMinutes":{"type":"integer","minimum":1,"maximum":1440,"default":15,"description":"How often the agent reports, in minutes."}}},"deprecated":{"type":"object","additionalProperties":false,"required":["use"],"description":"Marks this version as deprecated: environments that use it get a warning that says what to move to.","properties":{"use":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?@[^\\s@]+$","description":"The pack and range to move to, e.g. `genomics@^2`."},"reason":{"type":"string","maxLength":512,"description":"Why the version is deprecated, shown with the warning."}}},"yanked":{"type":"object","additionalProperties":false,"required":["reason"],"description":"A yanked version is never chosen by a range; a lock on it is stale until `labenv lock` moves it to the highest version in the range that is not yanked.","properties":{"reason":{"type":"string","minLength":3,"maxLength":512,"description":"Why the version was yanked (a broken build, a security problem)."}}},"source":{"type":"object","additionalProperties":false,"required":["registry","url","checksum"],"description":"Where a vendored version came from, written by `labenv packs add`/`update`; absent for packs written in this repository. Not part of the checksum.","properties":{"registry":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The `packRegistries` entry in labenv.yaml it was added from."},"url":{"type":"string","maxLength":2048,"description":"The file it was read from."},"checksum":{"type":"string","pattern":"^sha256:[a-f0-9]{64}$","description":"The checksum the registry published for it; `validate` and `packs verify` fail when the vendored copy no longer matches."},"signature":{"type":"object","additionalProperties":false,"required":["keyId","value"],"description":"An Ed25519 signature over `labenv-pack-v1`, the pack name, version and checksum (one per line).","properties":{"keyId":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$","description":"The signing key's id (see `packTrust.keys` in labenv.yaml)."},"value":{"type":"string","pattern":"^[A-Za-z0-9_-]{86}$","description":"The 64-byte signature in base64url."}}},"indexPublished":{"type":"string","format":"date-time","description":"The `metadata.published` of the signed registry index this version was added from. The newest of these over a registry's vendored versions is the newest index labenv has seen from it: an index published earlier (a replay) is refused."}}}}}}};
const pattern4 = new RegExp("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", "u");
const pattern5 = new RegExp("^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$", "u");
const pattern6 = new RegExp("[Pp][Aa][Ss][Ss][Ww]([Oo][Rr])?[Dd]|[Ss][Ee][Cc][Rr][Ee][Tt]|[Tt][Oo][Kk][Ee][Nn]|[Aa][Pp][Ii][-_]?[Kk][Ee][Yy]|[Pp][Rr][Ii][Vv][Aa][Tt][Ee][-_]?[Kk][Ee][Yy]|[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll]|[Aa][Cc][Cc][Ee][Ss][Ss][-_]?[Kk][Ee][Yy]", "u");
const pattern7 = new RegExp("^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$", "u");
const pattern8 = new RegExp("^[a-z0-9][a-z0-9+.-]{0,31}$", "u");
const pattern9 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.ipynb$", "u");
const pattern10 = new RegExp("^sha256:[a-f0-9]{64}$", "u");
const pattern11 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", "u");
const pattern12 = new RegExp("^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._/-][a-z0-9]+)*)*@sha256:[a-f0-9]{64}$", "u");
const pattern13 = new RegExp("^3\\.[0-9]{1,2}\\.[0-9]{1,2}$", "u");
const pattern14 = new RegExp("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", "u");
const pattern15 = new RegExp("^[0-9]+(\\.[0-9]+)*((a|b|rc)[0-9]+)?(\\.post[0-9]+)?$", "u");
const pattern16 = new RegExp("^[A-Za-z0-9][A-Za-z0-9.+_-]{0,127}$", "u");
const pattern17 = new RegExp("^[A-Za-z0-9][A-Za-z0-9.+:~_-]*$", "u");
const pattern18 = new RegExp("^[A-Za-z][A-Za-z0-9.]{0,127}$", "u");
const pattern20 = new RegExp("^[a-z0-9][a-z0-9._-]{0,63}$", "u");
const pattern21 = new RegExp("^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$", "u");
const pattern22 = new RegExp("^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$", "u");
const pattern24 = new RegExp("^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$", "u");
const pattern26 = new RegExp("^/data(/[A-Za-z0-9._-]+)+$", "u");
const pattern27 = new RegExp("^/[A-Za-z0-9._/-]+\\.py$", "u");
const pattern28 = new RegExp("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?@[^\\s@]+$", "u");
const pattern31 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "u");
const pattern32 = new RegExp("^[A-Za-z0-9_-]{86}$", "u");
const func1 = __dep0.default;
const func2 = Object.prototype.hasOwnProperty;
const formats0 = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const formats2 = __dep1.fullFormats["date-time"];

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://labenv.westtek.io/schemas/v1/domain-pack.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("labenv.westtek.io/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "labenv.westtek.io/v1"},message:"must be equal to constant",schema:"labenv.westtek.io/v1",parentSchema:schema31.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("DomainPack" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "DomainPack"},message:"must be equal to constant",schema:"DomainPack",parentSchema:schema31.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema31.properties.metadata.required,parentSchema:schema31.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data2.version === undefined){
const err8 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema31.properties.metadata.required,parentSchema:schema31.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key1 in data2){
if(!(((key1 === "name") || (key1 === "version")) || (key1 === "labels"))){
const err9 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err10 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema31.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.metadata.properties.name.type,parentSchema:schema31.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.version !== undefined){
let data4 = data2.version;
if(typeof data4 === "string"){
if(!pattern5.test(data4)){
const err12 = {instancePath:instancePath+"/metadata/version",schemaPath:"#/properties/metadata/properties/version/pattern",keyword:"pattern",params:{pattern: "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$"},message:"must match pattern \""+"^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$"+"\"",schema:"^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$",parentSchema:schema31.properties.metadata.properties.version,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/metadata/version",schemaPath:"#/properties/metadata/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.metadata.properties.version.type,parentSchema:schema31.properties.metadata.properties.version,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data2.labels !== undefined){
let data5 = data2.labels;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key2 in data5){
const _errs13 = errors;
const _errs14 = errors;
const _errs15 = errors;
if(typeof key2 === "string"){
if(!pattern6.test(key2)){
const err14 = {};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var valid3 = _errs15 === errors;
if(valid3){
const err15 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema31.properties.metadata.properties.labels.propertyNames.not,parentSchema:schema31.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
}
if(typeof key2 === "string"){
if(!pattern7.test(key2)){
const err16 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"},message:"must match pattern \""+"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"+"\"",schema:"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$",parentSchema:schema31.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var valid2 = _errs13 === errors;
if(!valid2){
const err17 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema31.properties.metadata.properties.labels.propertyNames,parentSchema:schema31.properties.metadata.properties.labels,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
for(const key3 in data5){
let data6 = data5[key3];
if(typeof data6 === "string"){
if(func1(data6) > 256){
const err18 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema31.properties.metadata.properties.labels.additionalProperties,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.metadata.properties.labels.additionalProperties.type,parentSchema:schema31.properties.metadata.properties.labels.additionalProperties,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.metadata.properties.labels.type,parentSchema:schema31.properties.metadata.properties.labels,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.metadata.type,parentSchema:schema31.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.spec !== undefined){
let data7 = data.spec;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.description === undefined){
const err22 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "description"},message:"must have required property '"+"description"+"'",schema:schema31.properties.spec.required,parentSchema:schema31.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data7.maintainer === undefined){
const err23 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "maintainer"},message:"must have required property '"+"maintainer"+"'",schema:schema31.properties.spec.required,parentSchema:schema31.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data7.trust === undefined){
const err24 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "trust"},message:"must have required property '"+"trust"+"'",schema:schema31.properties.spec.required,parentSchema:schema31.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data7.image === undefined){
const err25 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "image"},message:"must have required property '"+"image"+"'",schema:schema31.properties.spec.required,parentSchema:schema31.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data7.python === undefined){
const err26 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "python"},message:"must have required property '"+"python"+"'",schema:schema31.properties.spec.required,parentSchema:schema31.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data7.packages === undefined){
const err27 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "packages"},message:"must have required property '"+"packages"+"'",schema:schema31.properties.spec.required,parentSchema:schema31.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data7.kernels === undefined){
const err28 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "kernels"},message:"must have required property '"+"kernels"+"'",schema:schema31.properties.spec.required,parentSchema:schema31.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
for(const key4 in data7){
if(!(func2.call(schema31.properties.spec.properties, key4))){
const err29 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data7.description !== undefined){
let data8 = data7.description;
if(typeof data8 === "string"){
if(func1(data8) > 1024){
const err30 = {instancePath:instancePath+"/spec/description",schemaPath:"#/properties/spec/properties/description/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema31.properties.spec.properties.description,data:data8};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(func1(data8) < 3){
const err31 = {instancePath:instancePath+"/spec/description",schemaPath:"#/properties/spec/properties/description/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters",schema:3,parentSchema:schema31.properties.spec.properties.description,data:data8};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/spec/description",schemaPath:"#/properties/spec/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.description.type,parentSchema:schema31.properties.spec.properties.description,data:data8};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data7.keywords !== undefined){
let data9 = data7.keywords;
if(Array.isArray(data9)){
if(data9.length > 20){
const err33 = {instancePath:instancePath+"/spec/keywords",schemaPath:"#/properties/spec/properties/keywords/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items",schema:20,parentSchema:schema31.properties.spec.properties.keywords,data:data9};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
const len0 = data9.length;
for(let i0=0; i0<len0; i0++){
let data10 = data9[i0];
if(typeof data10 === "string"){
if(!pattern8.test(data10)){
const err34 = {instancePath:instancePath+"/spec/keywords/" + i0,schemaPath:"#/properties/spec/properties/keywords/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9+.-]{0,31}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9+.-]{0,31}$"+"\"",schema:"^[a-z0-9][a-z0-9+.-]{0,31}$",parentSchema:schema31.properties.spec.properties.keywords.items,data:data10};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/spec/keywords/" + i0,schemaPath:"#/properties/spec/properties/keywords/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.keywords.items.type,parentSchema:schema31.properties.spec.properties.keywords.items,data:data10};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
let i1 = data9.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data9[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err36 = {instancePath:instancePath+"/spec/keywords",schemaPath:"#/properties/spec/properties/keywords/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema31.properties.spec.properties.keywords,data:data9};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err37 = {instancePath:instancePath+"/spec/keywords",schemaPath:"#/properties/spec/properties/keywords/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.spec.properties.keywords.type,parentSchema:schema31.properties.spec.properties.keywords,data:data9};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data7.examples !== undefined){
let data11 = data7.examples;
if(Array.isArray(data11)){
if(data11.length > 20){
const err38 = {instancePath:instancePath+"/spec/examples",schemaPath:"#/properties/spec/properties/examples/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items",schema:20,parentSchema:schema31.properties.spec.properties.examples,data:data11};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
const len1 = data11.length;
for(let i2=0; i2<len1; i2++){
let data12 = data11[i2];
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.file === undefined){
const err39 = {instancePath:instancePath+"/spec/examples/" + i2,schemaPath:"#/properties/spec/properties/examples/items/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:schema31.properties.spec.properties.examples.items.required,parentSchema:schema31.properties.spec.properties.examples.items,data:data12};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(data12.sha256 === undefined){
const err40 = {instancePath:instancePath+"/spec/examples/" + i2,schemaPath:"#/properties/spec/properties/examples/items/required",keyword:"required",params:{missingProperty: "sha256"},message:"must have required property '"+"sha256"+"'",schema:schema31.properties.spec.properties.examples.items.required,parentSchema:schema31.properties.spec.properties.examples.items,data:data12};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
for(const key5 in data12){
if(!((key5 === "file") || (key5 === "sha256"))){
const err41 = {instancePath:instancePath+"/spec/examples/" + i2,schemaPath:"#/properties/spec/properties/examples/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.examples.items,data:data12};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data12.file !== undefined){
let data13 = data12.file;
if(typeof data13 === "string"){
if(!pattern9.test(data13)){
const err42 = {instancePath:instancePath+"/spec/examples/" + i2+"/file",schemaPath:"#/properties/spec/properties/examples/items/properties/file/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.ipynb$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.ipynb$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.ipynb$",parentSchema:schema31.properties.spec.properties.examples.items.properties.file,data:data13};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/spec/examples/" + i2+"/file",schemaPath:"#/properties/spec/properties/examples/items/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.examples.items.properties.file.type,parentSchema:schema31.properties.spec.properties.examples.items.properties.file,data:data13};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data12.sha256 !== undefined){
let data14 = data12.sha256;
if(typeof data14 === "string"){
if(!pattern10.test(data14)){
const err44 = {instancePath:instancePath+"/spec/examples/" + i2+"/sha256",schemaPath:"#/properties/spec/properties/examples/items/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^sha256:[a-f0-9]{64}$"},message:"must match pattern \""+"^sha256:[a-f0-9]{64}$"+"\"",schema:"^sha256:[a-f0-9]{64}$",parentSchema:schema31.properties.spec.properties.examples.items.properties.sha256,data:data14};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/spec/examples/" + i2+"/sha256",schemaPath:"#/properties/spec/properties/examples/items/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.examples.items.properties.sha256.type,parentSchema:schema31.properties.spec.properties.examples.items.properties.sha256,data:data14};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
else {
const err46 = {instancePath:instancePath+"/spec/examples/" + i2,schemaPath:"#/properties/spec/properties/examples/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.examples.items.type,parentSchema:schema31.properties.spec.properties.examples.items,data:data12};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath:instancePath+"/spec/examples",schemaPath:"#/properties/spec/properties/examples/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.spec.properties.examples.type,parentSchema:schema31.properties.spec.properties.examples,data:data11};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data7.maintainer !== undefined){
let data15 = data7.maintainer;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.name === undefined){
const err48 = {instancePath:instancePath+"/spec/maintainer",schemaPath:"#/properties/spec/properties/maintainer/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema31.properties.spec.properties.maintainer.required,parentSchema:schema31.properties.spec.properties.maintainer,data:data15};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(data15.github === undefined){
const err49 = {instancePath:instancePath+"/spec/maintainer",schemaPath:"#/properties/spec/properties/maintainer/required",keyword:"required",params:{missingProperty: "github"},message:"must have required property '"+"github"+"'",schema:schema31.properties.spec.properties.maintainer.required,parentSchema:schema31.properties.spec.properties.maintainer,data:data15};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
for(const key6 in data15){
if(!(((key6 === "name") || (key6 === "github")) || (key6 === "email"))){
const err50 = {instancePath:instancePath+"/spec/maintainer",schemaPath:"#/properties/spec/properties/maintainer/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.maintainer,data:data15};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data15.name !== undefined){
let data16 = data15.name;
if(typeof data16 === "string"){
if(func1(data16) > 128){
const err51 = {instancePath:instancePath+"/spec/maintainer/name",schemaPath:"#/properties/spec/properties/maintainer/properties/name/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema31.properties.spec.properties.maintainer.properties.name,data:data16};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
else {
const err52 = {instancePath:instancePath+"/spec/maintainer/name",schemaPath:"#/properties/spec/properties/maintainer/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.maintainer.properties.name.type,parentSchema:schema31.properties.spec.properties.maintainer.properties.name,data:data16};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data15.github !== undefined){
let data17 = data15.github;
if(typeof data17 === "string"){
if(!pattern11.test(data17)){
const err53 = {instancePath:instancePath+"/spec/maintainer/github",schemaPath:"#/properties/spec/properties/maintainer/properties/github/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema31.properties.spec.properties.maintainer.properties.github,data:data17};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
else {
const err54 = {instancePath:instancePath+"/spec/maintainer/github",schemaPath:"#/properties/spec/properties/maintainer/properties/github/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.maintainer.properties.github.type,parentSchema:schema31.properties.spec.properties.maintainer.properties.github,data:data17};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data15.email !== undefined){
let data18 = data15.email;
if(typeof data18 === "string"){
if(!(formats0.test(data18))){
const err55 = {instancePath:instancePath+"/spec/maintainer/email",schemaPath:"#/properties/spec/properties/maintainer/properties/email/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\"",schema:"email",parentSchema:schema31.properties.spec.properties.maintainer.properties.email,data:data18};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
else {
const err56 = {instancePath:instancePath+"/spec/maintainer/email",schemaPath:"#/properties/spec/properties/maintainer/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.maintainer.properties.email.type,parentSchema:schema31.properties.spec.properties.maintainer.properties.email,data:data18};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/spec/maintainer",schemaPath:"#/properties/spec/properties/maintainer/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.maintainer.type,parentSchema:schema31.properties.spec.properties.maintainer,data:data15};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data7.trust !== undefined){
let data19 = data7.trust;
if(typeof data19 !== "string"){
const err58 = {instancePath:instancePath+"/spec/trust",schemaPath:"#/properties/spec/properties/trust/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.trust.type,parentSchema:schema31.properties.spec.properties.trust,data:data19};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if(!(((data19 === "verified") || (data19 === "community")) || (data19 === "experimental"))){
const err59 = {instancePath:instancePath+"/spec/trust",schemaPath:"#/properties/spec/properties/trust/enum",keyword:"enum",params:{allowedValues: schema31.properties.spec.properties.trust.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.spec.properties.trust.enum,parentSchema:schema31.properties.spec.properties.trust,data:data19};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data7.image !== undefined){
let data20 = data7.image;
if(typeof data20 === "string"){
if(!pattern12.test(data20)){
const err60 = {instancePath:instancePath+"/spec/image",schemaPath:"#/properties/spec/properties/image/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._/-][a-z0-9]+)*)*@sha256:[a-f0-9]{64}$"},message:"must match pattern \""+"^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._/-][a-z0-9]+)*)*@sha256:[a-f0-9]{64}$"+"\"",schema:"^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._/-][a-z0-9]+)*)*@sha256:[a-f0-9]{64}$",parentSchema:schema31.properties.spec.properties.image,data:data20};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
else {
const err61 = {instancePath:instancePath+"/spec/image",schemaPath:"#/properties/spec/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.image.type,parentSchema:schema31.properties.spec.properties.image,data:data20};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data7.python !== undefined){
let data21 = data7.python;
if(typeof data21 === "string"){
if(!pattern13.test(data21)){
const err62 = {instancePath:instancePath+"/spec/python",schemaPath:"#/properties/spec/properties/python/pattern",keyword:"pattern",params:{pattern: "^3\\.[0-9]{1,2}\\.[0-9]{1,2}$"},message:"must match pattern \""+"^3\\.[0-9]{1,2}\\.[0-9]{1,2}$"+"\"",schema:"^3\\.[0-9]{1,2}\\.[0-9]{1,2}$",parentSchema:schema31.properties.spec.properties.python,data:data21};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
else {
const err63 = {instancePath:instancePath+"/spec/python",schemaPath:"#/properties/spec/properties/python/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.python.type,parentSchema:schema31.properties.spec.properties.python,data:data21};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data7.packages !== undefined){
let data22 = data7.packages;
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
for(const key7 in data22){
const _errs54 = errors;
if(typeof key7 === "string"){
if(!pattern14.test(key7)){
const err64 = {instancePath:instancePath+"/spec/packages",schemaPath:"#/properties/spec/properties/packages/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",parentSchema:schema31.properties.spec.properties.packages.propertyNames,data:key7,propertyName:key7};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
else {
const err65 = {instancePath:instancePath+"/spec/packages",schemaPath:"#/properties/spec/properties/packages/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.packages.propertyNames.type,parentSchema:schema31.properties.spec.properties.packages.propertyNames,data:key7,propertyName:key7};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
var valid13 = _errs54 === errors;
if(!valid13){
const err66 = {instancePath:instancePath+"/spec/packages",schemaPath:"#/properties/spec/properties/packages/propertyNames",keyword:"propertyNames",params:{propertyName: key7},message:"property name must be valid",schema:schema31.properties.spec.properties.packages.propertyNames,parentSchema:schema31.properties.spec.properties.packages,data:data22};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
for(const key8 in data22){
let data23 = data22[key8];
if(typeof data23 === "string"){
if(!pattern15.test(data23)){
const err67 = {instancePath:instancePath+"/spec/packages/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/packages/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)*((a|b|rc)[0-9]+)?(\\.post[0-9]+)?$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)*((a|b|rc)[0-9]+)?(\\.post[0-9]+)?$"+"\"",schema:"^[0-9]+(\\.[0-9]+)*((a|b|rc)[0-9]+)?(\\.post[0-9]+)?$",parentSchema:schema31.properties.spec.properties.packages.additionalProperties,data:data23};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
else {
const err68 = {instancePath:instancePath+"/spec/packages/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/packages/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.packages.additionalProperties.type,parentSchema:schema31.properties.spec.properties.packages.additionalProperties,data:data23};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
else {
const err69 = {instancePath:instancePath+"/spec/packages",schemaPath:"#/properties/spec/properties/packages/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.packages.type,parentSchema:schema31.properties.spec.properties.packages,data:data22};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data7.provides !== undefined){
let data24 = data7.provides;
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
for(const key9 in data24){
if(!((key9 === "system") || (key9 === "r"))){
const err70 = {instancePath:instancePath+"/spec/provides",schemaPath:"#/properties/spec/properties/provides/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.provides,data:data24};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data24.system !== undefined){
let data25 = data24.system;
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
for(const key10 in data25){
const _errs64 = errors;
if(typeof key10 === "string"){
if(!pattern16.test(key10)){
const err71 = {instancePath:instancePath+"/spec/provides/system",schemaPath:"#/properties/spec/properties/provides/properties/system/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9.+_-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9.+_-]{0,127}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9.+_-]{0,127}$",parentSchema:schema31.properties.spec.properties.provides.properties.system.propertyNames,data:key10,propertyName:key10};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
else {
const err72 = {instancePath:instancePath+"/spec/provides/system",schemaPath:"#/properties/spec/properties/provides/properties/system/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.provides.properties.system.propertyNames.type,parentSchema:schema31.properties.spec.properties.provides.properties.system.propertyNames,data:key10,propertyName:key10};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
var valid16 = _errs64 === errors;
if(!valid16){
const err73 = {instancePath:instancePath+"/spec/provides/system",schemaPath:"#/properties/spec/properties/provides/properties/system/propertyNames",keyword:"propertyNames",params:{propertyName: key10},message:"property name must be valid",schema:schema31.properties.spec.properties.provides.properties.system.propertyNames,parentSchema:schema31.properties.spec.properties.provides.properties.system,data:data25};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
for(const key11 in data25){
let data26 = data25[key11];
if(typeof data26 === "string"){
if(func1(data26) > 64){
const err74 = {instancePath:instancePath+"/spec/provides/system/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/provides/properties/system/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema31.properties.spec.properties.provides.properties.system.additionalProperties,data:data26};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if(func1(data26) < 1){
const err75 = {instancePath:instancePath+"/spec/provides/system/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/provides/properties/system/additionalProperties/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema31.properties.spec.properties.provides.properties.system.additionalProperties,data:data26};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if(!pattern17.test(data26)){
const err76 = {instancePath:instancePath+"/spec/provides/system/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/provides/properties/system/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9.+:~_-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9.+:~_-]*$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9.+:~_-]*$",parentSchema:schema31.properties.spec.properties.provides.properties.system.additionalProperties,data:data26};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
else {
const err77 = {instancePath:instancePath+"/spec/provides/system/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/provides/properties/system/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.provides.properties.system.additionalProperties.type,parentSchema:schema31.properties.spec.properties.provides.properties.system.additionalProperties,data:data26};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
}
else {
const err78 = {instancePath:instancePath+"/spec/provides/system",schemaPath:"#/properties/spec/properties/provides/properties/system/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.provides.properties.system.type,parentSchema:schema31.properties.spec.properties.provides.properties.system,data:data25};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
if(data24.r !== undefined){
let data27 = data24.r;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
for(const key12 in data27){
const _errs71 = errors;
if(typeof key12 === "string"){
if(!pattern18.test(key12)){
const err79 = {instancePath:instancePath+"/spec/provides/r",schemaPath:"#/properties/spec/properties/provides/properties/r/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9.]{0,127}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9.]{0,127}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9.]{0,127}$",parentSchema:schema31.properties.spec.properties.provides.properties.r.propertyNames,data:key12,propertyName:key12};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
else {
const err80 = {instancePath:instancePath+"/spec/provides/r",schemaPath:"#/properties/spec/properties/provides/properties/r/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.provides.properties.r.propertyNames.type,parentSchema:schema31.properties.spec.properties.provides.properties.r.propertyNames,data:key12,propertyName:key12};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
var valid18 = _errs71 === errors;
if(!valid18){
const err81 = {instancePath:instancePath+"/spec/provides/r",schemaPath:"#/properties/spec/properties/provides/properties/r/propertyNames",keyword:"propertyNames",params:{propertyName: key12},message:"property name must be valid",schema:schema31.properties.spec.properties.provides.properties.r.propertyNames,parentSchema:schema31.properties.spec.properties.provides.properties.r,data:data27};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
for(const key13 in data27){
let data28 = data27[key13];
if(typeof data28 === "string"){
if(func1(data28) > 64){
const err82 = {instancePath:instancePath+"/spec/provides/r/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/provides/properties/r/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema31.properties.spec.properties.provides.properties.r.additionalProperties,data:data28};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
if(func1(data28) < 1){
const err83 = {instancePath:instancePath+"/spec/provides/r/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/provides/properties/r/additionalProperties/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema31.properties.spec.properties.provides.properties.r.additionalProperties,data:data28};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
if(!pattern17.test(data28)){
const err84 = {instancePath:instancePath+"/spec/provides/r/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/provides/properties/r/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9.+:~_-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9.+:~_-]*$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9.+:~_-]*$",parentSchema:schema31.properties.spec.properties.provides.properties.r.additionalProperties,data:data28};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
else {
const err85 = {instancePath:instancePath+"/spec/provides/r/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/provides/properties/r/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.provides.properties.r.additionalProperties.type,parentSchema:schema31.properties.spec.properties.provides.properties.r.additionalProperties,data:data28};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
}
else {
const err86 = {instancePath:instancePath+"/spec/provides/r",schemaPath:"#/properties/spec/properties/provides/properties/r/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.provides.properties.r.type,parentSchema:schema31.properties.spec.properties.provides.properties.r,data:data27};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
}
else {
const err87 = {instancePath:instancePath+"/spec/provides",schemaPath:"#/properties/spec/properties/provides/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.provides.type,parentSchema:schema31.properties.spec.properties.provides,data:data24};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data7.kernels !== undefined){
let data29 = data7.kernels;
if(Array.isArray(data29)){
if(data29.length < 1){
const err88 = {instancePath:instancePath+"/spec/kernels",schemaPath:"#/properties/spec/properties/kernels/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema31.properties.spec.properties.kernels,data:data29};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
const len2 = data29.length;
for(let i3=0; i3<len2; i3++){
let data30 = data29[i3];
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
if(data30.name === undefined){
const err89 = {instancePath:instancePath+"/spec/kernels/" + i3,schemaPath:"#/properties/spec/properties/kernels/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema31.properties.spec.properties.kernels.items.required,parentSchema:schema31.properties.spec.properties.kernels.items,data:data30};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
if(data30.language === undefined){
const err90 = {instancePath:instancePath+"/spec/kernels/" + i3,schemaPath:"#/properties/spec/properties/kernels/items/required",keyword:"required",params:{missingProperty: "language"},message:"must have required property '"+"language"+"'",schema:schema31.properties.spec.properties.kernels.items.required,parentSchema:schema31.properties.spec.properties.kernels.items,data:data30};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
for(const key14 in data30){
if(!((((key14 === "name") || (key14 === "language")) || (key14 === "displayName")) || (key14 === "version"))){
const err91 = {instancePath:instancePath+"/spec/kernels/" + i3,schemaPath:"#/properties/spec/properties/kernels/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.kernels.items,data:data30};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data30.name !== undefined){
let data31 = data30.name;
if(typeof data31 === "string"){
if(!pattern20.test(data31)){
const err92 = {instancePath:instancePath+"/spec/kernels/" + i3+"/name",schemaPath:"#/properties/spec/properties/kernels/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]{0,63}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]{0,63}$"+"\"",schema:"^[a-z0-9][a-z0-9._-]{0,63}$",parentSchema:schema31.properties.spec.properties.kernels.items.properties.name,data:data31};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
else {
const err93 = {instancePath:instancePath+"/spec/kernels/" + i3+"/name",schemaPath:"#/properties/spec/properties/kernels/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.kernels.items.properties.name.type,parentSchema:schema31.properties.spec.properties.kernels.items.properties.name,data:data31};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data30.language !== undefined){
let data32 = data30.language;
if(typeof data32 !== "string"){
const err94 = {instancePath:instancePath+"/spec/kernels/" + i3+"/language",schemaPath:"#/properties/spec/properties/kernels/items/properties/language/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.kernels.items.properties.language.type,parentSchema:schema31.properties.spec.properties.kernels.items.properties.language,data:data32};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
if(!(((data32 === "python") || (data32 === "R")) || (data32 === "julia"))){
const err95 = {instancePath:instancePath+"/spec/kernels/" + i3+"/language",schemaPath:"#/properties/spec/properties/kernels/items/properties/language/enum",keyword:"enum",params:{allowedValues: schema31.properties.spec.properties.kernels.items.properties.language.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.spec.properties.kernels.items.properties.language.enum,parentSchema:schema31.properties.spec.properties.kernels.items.properties.language,data:data32};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data30.displayName !== undefined){
let data33 = data30.displayName;
if(typeof data33 === "string"){
if(func1(data33) > 128){
const err96 = {instancePath:instancePath+"/spec/kernels/" + i3+"/displayName",schemaPath:"#/properties/spec/properties/kernels/items/properties/displayName/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema31.properties.spec.properties.kernels.items.properties.displayName,data:data33};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
else {
const err97 = {instancePath:instancePath+"/spec/kernels/" + i3+"/displayName",schemaPath:"#/properties/spec/properties/kernels/items/properties/displayName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.kernels.items.properties.displayName.type,parentSchema:schema31.properties.spec.properties.kernels.items.properties.displayName,data:data33};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
if(data30.version !== undefined){
let data34 = data30.version;
if(typeof data34 === "string"){
if(func1(data34) > 32){
const err98 = {instancePath:instancePath+"/spec/kernels/" + i3+"/version",schemaPath:"#/properties/spec/properties/kernels/items/properties/version/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema31.properties.spec.properties.kernels.items.properties.version,data:data34};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
else {
const err99 = {instancePath:instancePath+"/spec/kernels/" + i3+"/version",schemaPath:"#/properties/spec/properties/kernels/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.kernels.items.properties.version.type,parentSchema:schema31.properties.spec.properties.kernels.items.properties.version,data:data34};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
}
else {
const err100 = {instancePath:instancePath+"/spec/kernels/" + i3,schemaPath:"#/properties/spec/properties/kernels/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.kernels.items.type,parentSchema:schema31.properties.spec.properties.kernels.items,data:data30};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
}
else {
const err101 = {instancePath:instancePath+"/spec/kernels",schemaPath:"#/properties/spec/properties/kernels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.spec.properties.kernels.type,parentSchema:schema31.properties.spec.properties.kernels,data:data29};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
if(data7.extensions !== undefined){
let data35 = data7.extensions;
if(Array.isArray(data35)){
const len3 = data35.length;
for(let i4=0; i4<len3; i4++){
let data36 = data35[i4];
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
if(data36.name === undefined){
const err102 = {instancePath:instancePath+"/spec/extensions/" + i4,schemaPath:"#/properties/spec/properties/extensions/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema31.properties.spec.properties.extensions.items.required,parentSchema:schema31.properties.spec.properties.extensions.items,data:data36};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
if(data36.version === undefined){
const err103 = {instancePath:instancePath+"/spec/extensions/" + i4,schemaPath:"#/properties/spec/properties/extensions/items/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema31.properties.spec.properties.extensions.items.required,parentSchema:schema31.properties.spec.properties.extensions.items,data:data36};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
for(const key15 in data36){
if(!((key15 === "name") || (key15 === "version"))){
const err104 = {instancePath:instancePath+"/spec/extensions/" + i4,schemaPath:"#/properties/spec/properties/extensions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.extensions.items,data:data36};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
if(data36.name !== undefined){
let data37 = data36.name;
if(typeof data37 === "string"){
if(!pattern21.test(data37)){
const err105 = {instancePath:instancePath+"/spec/extensions/" + i4+"/name",schemaPath:"#/properties/spec/properties/extensions/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$"},message:"must match pattern \""+"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$"+"\"",schema:"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$",parentSchema:schema31.properties.spec.properties.extensions.items.properties.name,data:data37};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
else {
const err106 = {instancePath:instancePath+"/spec/extensions/" + i4+"/name",schemaPath:"#/properties/spec/properties/extensions/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.extensions.items.properties.name.type,parentSchema:schema31.properties.spec.properties.extensions.items.properties.name,data:data37};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
if(data36.version !== undefined){
let data38 = data36.version;
if(typeof data38 === "string"){
if(!pattern22.test(data38)){
const err107 = {instancePath:instancePath+"/spec/extensions/" + i4+"/version",schemaPath:"#/properties/spec/properties/extensions/items/properties/version/pattern",keyword:"pattern",params:{pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$"},message:"must match pattern \""+"^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$"+"\"",schema:"^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$",parentSchema:schema31.properties.spec.properties.extensions.items.properties.version,data:data38};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
else {
const err108 = {instancePath:instancePath+"/spec/extensions/" + i4+"/version",schemaPath:"#/properties/spec/properties/extensions/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.extensions.items.properties.version.type,parentSchema:schema31.properties.spec.properties.extensions.items.properties.version,data:data38};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
}
else {
const err109 = {instancePath:instancePath+"/spec/extensions/" + i4,schemaPath:"#/properties/spec/properties/extensions/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.extensions.items.type,parentSchema:schema31.properties.spec.properties.extensions.items,data:data36};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
}
else {
const err110 = {instancePath:instancePath+"/spec/extensions",schemaPath:"#/properties/spec/properties/extensions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.spec.properties.extensions.type,parentSchema:schema31.properties.spec.properties.extensions,data:data35};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
if(data7.defaults !== undefined){
let data39 = data7.defaults;
if(data39 && typeof data39 == "object" && !Array.isArray(data39)){
for(const key16 in data39){
if(!((key16 === "resources") || (key16 === "jupyterConfig"))){
const err111 = {instancePath:instancePath+"/spec/defaults",schemaPath:"#/properties/spec/properties/defaults/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.defaults,data:data39};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
if(data39.resources !== undefined){
let data40 = data39.resources;
if(data40 && typeof data40 == "object" && !Array.isArray(data40)){
if(data40.cpu === undefined){
const err112 = {instancePath:instancePath+"/spec/defaults/resources",schemaPath:"#/properties/spec/properties/defaults/properties/resources/required",keyword:"required",params:{missingProperty: "cpu"},message:"must have required property '"+"cpu"+"'",schema:schema31.properties.spec.properties.defaults.properties.resources.required,parentSchema:schema31.properties.spec.properties.defaults.properties.resources,data:data40};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
if(data40.memory === undefined){
const err113 = {instancePath:instancePath+"/spec/defaults/resources",schemaPath:"#/properties/spec/properties/defaults/properties/resources/required",keyword:"required",params:{missingProperty: "memory"},message:"must have required property '"+"memory"+"'",schema:schema31.properties.spec.properties.defaults.properties.resources.required,parentSchema:schema31.properties.spec.properties.defaults.properties.resources,data:data40};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
for(const key17 in data40){
if(!(((key17 === "cpu") || (key17 === "memory")) || (key17 === "storageGiB"))){
const err114 = {instancePath:instancePath+"/spec/defaults/resources",schemaPath:"#/properties/spec/properties/defaults/properties/resources/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.defaults.properties.resources,data:data40};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
if(data40.cpu !== undefined){
let data41 = data40.cpu;
if(!(((typeof data41 == "number") && (!(data41 % 1) && !isNaN(data41))) && (isFinite(data41)))){
const err115 = {instancePath:instancePath+"/spec/defaults/resources/cpu",schemaPath:"#/properties/spec/properties/defaults/properties/resources/properties/cpu/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.spec.properties.defaults.properties.resources.properties.cpu.type,parentSchema:schema31.properties.spec.properties.defaults.properties.resources.properties.cpu,data:data41};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
if(!(((((((data41 === 256) || (data41 === 512)) || (data41 === 1024)) || (data41 === 2048)) || (data41 === 4096)) || (data41 === 8192)) || (data41 === 16384))){
const err116 = {instancePath:instancePath+"/spec/defaults/resources/cpu",schemaPath:"#/properties/spec/properties/defaults/properties/resources/properties/cpu/enum",keyword:"enum",params:{allowedValues: schema31.properties.spec.properties.defaults.properties.resources.properties.cpu.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.spec.properties.defaults.properties.resources.properties.cpu.enum,parentSchema:schema31.properties.spec.properties.defaults.properties.resources.properties.cpu,data:data41};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
if(data40.memory !== undefined){
let data42 = data40.memory;
if(!(((typeof data42 == "number") && (!(data42 % 1) && !isNaN(data42))) && (isFinite(data42)))){
const err117 = {instancePath:instancePath+"/spec/defaults/resources/memory",schemaPath:"#/properties/spec/properties/defaults/properties/resources/properties/memory/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.spec.properties.defaults.properties.resources.properties.memory.type,parentSchema:schema31.properties.spec.properties.defaults.properties.resources.properties.memory,data:data42};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
if((typeof data42 == "number") && (isFinite(data42))){
if(data42 > 122880 || isNaN(data42)){
const err118 = {instancePath:instancePath+"/spec/defaults/resources/memory",schemaPath:"#/properties/spec/properties/defaults/properties/resources/properties/memory/maximum",keyword:"maximum",params:{comparison: "<=", limit: 122880},message:"must be <= 122880",schema:122880,parentSchema:schema31.properties.spec.properties.defaults.properties.resources.properties.memory,data:data42};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
if(data42 < 512 || isNaN(data42)){
const err119 = {instancePath:instancePath+"/spec/defaults/resources/memory",schemaPath:"#/properties/spec/properties/defaults/properties/resources/properties/memory/minimum",keyword:"minimum",params:{comparison: ">=", limit: 512},message:"must be >= 512",schema:512,parentSchema:schema31.properties.spec.properties.defaults.properties.resources.properties.memory,data:data42};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
}
if(data40.storageGiB !== undefined){
let data43 = data40.storageGiB;
if(!(((typeof data43 == "number") && (!(data43 % 1) && !isNaN(data43))) && (isFinite(data43)))){
const err120 = {instancePath:instancePath+"/spec/defaults/resources/storageGiB",schemaPath:"#/properties/spec/properties/defaults/properties/resources/properties/storageGiB/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.spec.properties.defaults.properties.resources.properties.storageGiB.type,parentSchema:schema31.properties.spec.properties.defaults.properties.resources.properties.storageGiB,data:data43};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
if((typeof data43 == "number") && (isFinite(data43))){
if(data43 > 16384 || isNaN(data43)){
const err121 = {instancePath:instancePath+"/spec/defaults/resources/storageGiB",schemaPath:"#/properties/spec/properties/defaults/properties/resources/properties/storageGiB/maximum",keyword:"maximum",params:{comparison: "<=", limit: 16384},message:"must be <= 16384",schema:16384,parentSchema:schema31.properties.spec.properties.defaults.properties.resources.properties.storageGiB,data:data43};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
if(data43 < 1 || isNaN(data43)){
const err122 = {instancePath:instancePath+"/spec/defaults/resources/storageGiB",schemaPath:"#/properties/spec/properties/defaults/properties/resources/properties/storageGiB/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema31.properties.spec.properties.defaults.properties.resources.properties.storageGiB,data:data43};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
}
}
else {
const err123 = {instancePath:instancePath+"/spec/defaults/resources",schemaPath:"#/properties/spec/properties/defaults/properties/resources/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.defaults.properties.resources.type,parentSchema:schema31.properties.spec.properties.defaults.properties.resources,data:data40};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
if(data39.jupyterConfig !== undefined){
let data44 = data39.jupyterConfig;
if(data44 && typeof data44 == "object" && !Array.isArray(data44)){
for(const key18 in data44){
const _errs112 = errors;
const _errs113 = errors;
const _errs114 = errors;
if(typeof key18 === "string"){
if(!pattern6.test(key18)){
const err124 = {};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
var valid29 = _errs114 === errors;
if(valid29){
const err125 = {instancePath:instancePath+"/spec/defaults/jupyterConfig",schemaPath:"#/properties/spec/properties/defaults/properties/jupyterConfig/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema31.properties.spec.properties.defaults.properties.jupyterConfig.propertyNames.not,parentSchema:schema31.properties.spec.properties.defaults.properties.jupyterConfig.propertyNames,data:key18,propertyName:key18};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
else {
errors = _errs113;
if(vErrors !== null){
if(_errs113){
vErrors.length = _errs113;
}
else {
vErrors = null;
}
}
}
if(typeof key18 === "string"){
if(!pattern24.test(key18)){
const err126 = {instancePath:instancePath+"/spec/defaults/jupyterConfig",schemaPath:"#/properties/spec/properties/defaults/properties/jupyterConfig/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$",parentSchema:schema31.properties.spec.properties.defaults.properties.jupyterConfig.propertyNames,data:key18,propertyName:key18};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
var valid28 = _errs112 === errors;
if(!valid28){
const err127 = {instancePath:instancePath+"/spec/defaults/jupyterConfig",schemaPath:"#/properties/spec/properties/defaults/properties/jupyterConfig/propertyNames",keyword:"propertyNames",params:{propertyName: key18},message:"property name must be valid",schema:schema31.properties.spec.properties.defaults.properties.jupyterConfig.propertyNames,parentSchema:schema31.properties.spec.properties.defaults.properties.jupyterConfig,data:data44};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
for(const key19 in data44){
let data45 = data44[key19];
if((((typeof data45 != "object") && (typeof data45 !== "string")) && (!((typeof data45 == "number") && (isFinite(data45))))) && (typeof data45 !== "boolean")){
const err128 = {instancePath:instancePath+"/spec/defaults/jupyterConfig/" + key19.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/defaults/properties/jupyterConfig/additionalProperties/type",keyword:"type",params:{type: schema31.properties.spec.properties.defaults.properties.jupyterConfig.additionalProperties.type},message:"must be string,number,boolean,array,object,null",schema:schema31.properties.spec.properties.defaults.properties.jupyterConfig.additionalProperties.type,parentSchema:schema31.properties.spec.properties.defaults.properties.jupyterConfig.additionalProperties,data:data45};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
}
else {
const err129 = {instancePath:instancePath+"/spec/defaults/jupyterConfig",schemaPath:"#/properties/spec/properties/defaults/properties/jupyterConfig/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.defaults.properties.jupyterConfig.type,parentSchema:schema31.properties.spec.properties.defaults.properties.jupyterConfig,data:data44};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
}
else {
const err130 = {instancePath:instancePath+"/spec/defaults",schemaPath:"#/properties/spec/properties/defaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.defaults.type,parentSchema:schema31.properties.spec.properties.defaults,data:data39};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
if(data7.mounts !== undefined){
let data46 = data7.mounts;
if(Array.isArray(data46)){
const len4 = data46.length;
for(let i5=0; i5<len4; i5++){
let data47 = data46[i5];
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
if(data47.dataset === undefined){
const err131 = {instancePath:instancePath+"/spec/mounts/" + i5,schemaPath:"#/properties/spec/properties/mounts/items/required",keyword:"required",params:{missingProperty: "dataset"},message:"must have required property '"+"dataset"+"'",schema:schema31.properties.spec.properties.mounts.items.required,parentSchema:schema31.properties.spec.properties.mounts.items,data:data47};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
if(data47.path === undefined){
const err132 = {instancePath:instancePath+"/spec/mounts/" + i5,schemaPath:"#/properties/spec/properties/mounts/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema31.properties.spec.properties.mounts.items.required,parentSchema:schema31.properties.spec.properties.mounts.items,data:data47};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
for(const key20 in data47){
if(!(((key20 === "dataset") || (key20 === "path")) || (key20 === "readOnly"))){
const err133 = {instancePath:instancePath+"/spec/mounts/" + i5,schemaPath:"#/properties/spec/properties/mounts/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.mounts.items,data:data47};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
if(data47.dataset !== undefined){
let data48 = data47.dataset;
if(typeof data48 === "string"){
if(!pattern4.test(data48)){
const err134 = {instancePath:instancePath+"/spec/mounts/" + i5+"/dataset",schemaPath:"#/properties/spec/properties/mounts/items/properties/dataset/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema31.properties.spec.properties.mounts.items.properties.dataset,data:data48};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
else {
const err135 = {instancePath:instancePath+"/spec/mounts/" + i5+"/dataset",schemaPath:"#/properties/spec/properties/mounts/items/properties/dataset/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.mounts.items.properties.dataset.type,parentSchema:schema31.properties.spec.properties.mounts.items.properties.dataset,data:data48};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
if(data47.path !== undefined){
let data49 = data47.path;
if(typeof data49 === "string"){
if(!pattern26.test(data49)){
const err136 = {instancePath:instancePath+"/spec/mounts/" + i5+"/path",schemaPath:"#/properties/spec/properties/mounts/items/properties/path/pattern",keyword:"pattern",params:{pattern: "^/data(/[A-Za-z0-9._-]+)+$"},message:"must match pattern \""+"^/data(/[A-Za-z0-9._-]+)+$"+"\"",schema:"^/data(/[A-Za-z0-9._-]+)+$",parentSchema:schema31.properties.spec.properties.mounts.items.properties.path,data:data49};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
else {
const err137 = {instancePath:instancePath+"/spec/mounts/" + i5+"/path",schemaPath:"#/properties/spec/properties/mounts/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.mounts.items.properties.path.type,parentSchema:schema31.properties.spec.properties.mounts.items.properties.path,data:data49};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
if(data47.readOnly !== undefined){
let data50 = data47.readOnly;
if(typeof data50 !== "boolean"){
const err138 = {instancePath:instancePath+"/spec/mounts/" + i5+"/readOnly",schemaPath:"#/properties/spec/properties/mounts/items/properties/readOnly/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema31.properties.spec.properties.mounts.items.properties.readOnly.type,parentSchema:schema31.properties.spec.properties.mounts.items.properties.readOnly,data:data50};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
}
else {
const err139 = {instancePath:instancePath+"/spec/mounts/" + i5,schemaPath:"#/properties/spec/properties/mounts/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.mounts.items.type,parentSchema:schema31.properties.spec.properties.mounts.items,data:data47};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
}
else {
const err140 = {instancePath:instancePath+"/spec/mounts",schemaPath:"#/properties/spec/properties/mounts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.spec.properties.mounts.type,parentSchema:schema31.properties.spec.properties.mounts,data:data46};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
}
if(data7.agent !== undefined){
let data51 = data7.agent;
if(data51 && typeof data51 == "object" && !Array.isArray(data51)){
if(data51.path === undefined){
const err141 = {instancePath:instancePath+"/spec/agent",schemaPath:"#/properties/spec/properties/agent/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema31.properties.spec.properties.agent.required,parentSchema:schema31.properties.spec.properties.agent,data:data51};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
for(const key21 in data51){
if(!((key21 === "path") || (key21 === "intervalMinutes"))){
const err142 = {instancePath:instancePath+"/spec/agent",schemaPath:"#/properties/spec/properties/agent/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.agent,data:data51};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
if(data51.path !== undefined){
let data52 = data51.path;
if(typeof data52 === "string"){
if(!pattern27.test(data52)){
const err143 = {instancePath:instancePath+"/spec/agent/path",schemaPath:"#/properties/spec/properties/agent/properties/path/pattern",keyword:"pattern",params:{pattern: "^/[A-Za-z0-9._/-]+\\.py$"},message:"must match pattern \""+"^/[A-Za-z0-9._/-]+\\.py$"+"\"",schema:"^/[A-Za-z0-9._/-]+\\.py$",parentSchema:schema31.properties.spec.properties.agent.properties.path,data:data52};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
else {
const err144 = {instancePath:instancePath+"/spec/agent/path",schemaPath:"#/properties/spec/properties/agent/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.agent.properties.path.type,parentSchema:schema31.properties.spec.properties.agent.properties.path,data:data52};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
if(data51.intervalMinutes !== undefined){
let data53 = data51.intervalMinutes;
if(!(((typeof data53 == "number") && (!(data53 % 1) && !isNaN(data53))) && (isFinite(data53)))){
const err145 = {instancePath:instancePath+"/spec/agent/intervalMinutes",schemaPath:"#/properties/spec/properties/agent/properties/intervalMinutes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.spec.properties.agent.properties.intervalMinutes.type,parentSchema:schema31.properties.spec.properties.agent.properties.intervalMinutes,data:data53};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
if((typeof data53 == "number") && (isFinite(data53))){
if(data53 > 1440 || isNaN(data53)){
const err146 = {instancePath:instancePath+"/spec/agent/intervalMinutes",schemaPath:"#/properties/spec/properties/agent/properties/intervalMinutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1440},message:"must be <= 1440",schema:1440,parentSchema:schema31.properties.spec.properties.agent.properties.intervalMinutes,data:data53};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
if(data53 < 1 || isNaN(data53)){
const err147 = {instancePath:instancePath+"/spec/agent/intervalMinutes",schemaPath:"#/properties/spec/properties/agent/properties/intervalMinutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema31.properties.spec.properties.agent.properties.intervalMinutes,data:data53};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
}
}
else {
const err148 = {instancePath:instancePath+"/spec/agent",schemaPath:"#/properties/spec/properties/agent/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.agent.type,parentSchema:schema31.properties.spec.properties.agent,data:data51};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
}
if(data7.deprecated !== undefined){
let data54 = data7.deprecated;
if(data54 && typeof data54 == "object" && !Array.isArray(data54)){
if(data54.use === undefined){
const err149 = {instancePath:instancePath+"/spec/deprecated",schemaPath:"#/properties/spec/properties/deprecated/required",keyword:"required",params:{missingProperty: "use"},message:"must have required property '"+"use"+"'",schema:schema31.properties.spec.properties.deprecated.required,parentSchema:schema31.properties.spec.properties.deprecated,data:data54};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
for(const key22 in data54){
if(!((key22 === "use") || (key22 === "reason"))){
const err150 = {instancePath:instancePath+"/spec/deprecated",schemaPath:"#/properties/spec/properties/deprecated/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key22},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.deprecated,data:data54};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
}
if(data54.use !== undefined){
let data55 = data54.use;
if(typeof data55 === "string"){
if(!pattern28.test(data55)){
const err151 = {instancePath:instancePath+"/spec/deprecated/use",schemaPath:"#/properties/spec/properties/deprecated/properties/use/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?@[^\\s@]+$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?@[^\\s@]+$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?@[^\\s@]+$",parentSchema:schema31.properties.spec.properties.deprecated.properties.use,data:data55};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
}
else {
const err152 = {instancePath:instancePath+"/spec/deprecated/use",schemaPath:"#/properties/spec/properties/deprecated/properties/use/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.deprecated.properties.use.type,parentSchema:schema31.properties.spec.properties.deprecated.properties.use,data:data55};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
if(data54.reason !== undefined){
let data56 = data54.reason;
if(typeof data56 === "string"){
if(func1(data56) > 512){
const err153 = {instancePath:instancePath+"/spec/deprecated/reason",schemaPath:"#/properties/spec/properties/deprecated/properties/reason/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters",schema:512,parentSchema:schema31.properties.spec.properties.deprecated.properties.reason,data:data56};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
}
else {
const err154 = {instancePath:instancePath+"/spec/deprecated/reason",schemaPath:"#/properties/spec/properties/deprecated/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.deprecated.properties.reason.type,parentSchema:schema31.properties.spec.properties.deprecated.properties.reason,data:data56};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
}
}
else {
const err155 = {instancePath:instancePath+"/spec/deprecated",schemaPath:"#/properties/spec/properties/deprecated/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.deprecated.type,parentSchema:schema31.properties.spec.properties.deprecated,data:data54};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
if(data7.yanked !== undefined){
let data57 = data7.yanked;
if(data57 && typeof data57 == "object" && !Array.isArray(data57)){
if(data57.reason === undefined){
const err156 = {instancePath:instancePath+"/spec/yanked",schemaPath:"#/properties/spec/properties/yanked/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema31.properties.spec.properties.yanked.required,parentSchema:schema31.properties.spec.properties.yanked,data:data57};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
for(const key23 in data57){
if(!(key23 === "reason")){
const err157 = {instancePath:instancePath+"/spec/yanked",schemaPath:"#/properties/spec/properties/yanked/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key23},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.yanked,data:data57};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
}
if(data57.reason !== undefined){
let data58 = data57.reason;
if(typeof data58 === "string"){
if(func1(data58) > 512){
const err158 = {instancePath:instancePath+"/spec/yanked/reason",schemaPath:"#/properties/spec/properties/yanked/properties/reason/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters",schema:512,parentSchema:schema31.properties.spec.properties.yanked.properties.reason,data:data58};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
if(func1(data58) < 3){
const err159 = {instancePath:instancePath+"/spec/yanked/reason",schemaPath:"#/properties/spec/properties/yanked/properties/reason/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters",schema:3,parentSchema:schema31.properties.spec.properties.yanked.properties.reason,data:data58};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
else {
const err160 = {instancePath:instancePath+"/spec/yanked/reason",schemaPath:"#/properties/spec/properties/yanked/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.yanked.properties.reason.type,parentSchema:schema31.properties.spec.properties.yanked.properties.reason,data:data58};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
}
}
else {
const err161 = {instancePath:instancePath+"/spec/yanked",schemaPath:"#/properties/spec/properties/yanked/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.yanked.type,parentSchema:schema31.properties.spec.properties.yanked,data:data57};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
if(data7.source !== undefined){
let data59 = data7.source;
if(data59 && typeof data59 == "object" && !Array.isArray(data59)){
if(data59.registry === undefined){
const err162 = {instancePath:instancePath+"/spec/source",schemaPath:"#/properties/spec/properties/source/required",keyword:"required",params:{missingProperty: "registry"},message:"must have required property '"+"registry"+"'",schema:schema31.properties.spec.properties.source.required,parentSchema:schema31.properties.spec.properties.source,data:data59};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
if(data59.url === undefined){
const err163 = {instancePath:instancePath+"/spec/source",schemaPath:"#/properties/spec/properties/source/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema31.properties.spec.properties.source.required,parentSchema:schema31.properties.spec.properties.source,data:data59};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
if(data59.checksum === undefined){
const err164 = {instancePath:instancePath+"/spec/source",schemaPath:"#/properties/spec/properties/source/required",keyword:"required",params:{missingProperty: "checksum"},message:"must have required property '"+"checksum"+"'",schema:schema31.properties.spec.properties.source.required,parentSchema:schema31.properties.spec.properties.source,data:data59};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
for(const key24 in data59){
if(!(((((key24 === "registry") || (key24 === "url")) || (key24 === "checksum")) || (key24 === "signature")) || (key24 === "indexPublished"))){
const err165 = {instancePath:instancePath+"/spec/source",schemaPath:"#/properties/spec/properties/source/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key24},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.source,data:data59};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
}
if(data59.registry !== undefined){
let data60 = data59.registry;
if(typeof data60 === "string"){
if(!pattern4.test(data60)){
const err166 = {instancePath:instancePath+"/spec/source/registry",schemaPath:"#/properties/spec/properties/source/properties/registry/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema31.properties.spec.properties.source.properties.registry,data:data60};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
}
else {
const err167 = {instancePath:instancePath+"/spec/source/registry",schemaPath:"#/properties/spec/properties/source/properties/registry/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.source.properties.registry.type,parentSchema:schema31.properties.spec.properties.source.properties.registry,data:data60};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
if(data59.url !== undefined){
let data61 = data59.url;
if(typeof data61 === "string"){
if(func1(data61) > 2048){
const err168 = {instancePath:instancePath+"/spec/source/url",schemaPath:"#/properties/spec/properties/source/properties/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters",schema:2048,parentSchema:schema31.properties.spec.properties.source.properties.url,data:data61};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
}
else {
const err169 = {instancePath:instancePath+"/spec/source/url",schemaPath:"#/properties/spec/properties/source/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.source.properties.url.type,parentSchema:schema31.properties.spec.properties.source.properties.url,data:data61};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
}
if(data59.checksum !== undefined){
let data62 = data59.checksum;
if(typeof data62 === "string"){
if(!pattern10.test(data62)){
const err170 = {instancePath:instancePath+"/spec/source/checksum",schemaPath:"#/properties/spec/properties/source/properties/checksum/pattern",keyword:"pattern",params:{pattern: "^sha256:[a-f0-9]{64}$"},message:"must match pattern \""+"^sha256:[a-f0-9]{64}$"+"\"",schema:"^sha256:[a-f0-9]{64}$",parentSchema:schema31.properties.spec.properties.source.properties.checksum,data:data62};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
}
else {
const err171 = {instancePath:instancePath+"/spec/source/checksum",schemaPath:"#/properties/spec/properties/source/properties/checksum/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.source.properties.checksum.type,parentSchema:schema31.properties.spec.properties.source.properties.checksum,data:data62};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
}
if(data59.signature !== undefined){
let data63 = data59.signature;
if(data63 && typeof data63 == "object" && !Array.isArray(data63)){
if(data63.keyId === undefined){
const err172 = {instancePath:instancePath+"/spec/source/signature",schemaPath:"#/properties/spec/properties/source/properties/signature/required",keyword:"required",params:{missingProperty: "keyId"},message:"must have required property '"+"keyId"+"'",schema:schema31.properties.spec.properties.source.properties.signature.required,parentSchema:schema31.properties.spec.properties.source.properties.signature,data:data63};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
if(data63.value === undefined){
const err173 = {instancePath:instancePath+"/spec/source/signature",schemaPath:"#/properties/spec/properties/source/properties/signature/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema31.properties.spec.properties.source.properties.signature.required,parentSchema:schema31.properties.spec.properties.source.properties.signature,data:data63};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
for(const key25 in data63){
if(!((key25 === "keyId") || (key25 === "value"))){
const err174 = {instancePath:instancePath+"/spec/source/signature",schemaPath:"#/properties/spec/properties/source/properties/signature/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key25},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.source.properties.signature,data:data63};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
}
if(data63.keyId !== undefined){
let data64 = data63.keyId;
if(typeof data64 === "string"){
if(!pattern31.test(data64)){
const err175 = {instancePath:instancePath+"/spec/source/signature/keyId",schemaPath:"#/properties/spec/properties/source/properties/signature/properties/keyId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",parentSchema:schema31.properties.spec.properties.source.properties.signature.properties.keyId,data:data64};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
else {
const err176 = {instancePath:instancePath+"/spec/source/signature/keyId",schemaPath:"#/properties/spec/properties/source/properties/signature/properties/keyId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.source.properties.signature.properties.keyId.type,parentSchema:schema31.properties.spec.properties.source.properties.signature.properties.keyId,data:data64};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
if(data63.value !== undefined){
let data65 = data63.value;
if(typeof data65 === "string"){
if(!pattern32.test(data65)){
const err177 = {instancePath:instancePath+"/spec/source/signature/value",schemaPath:"#/properties/spec/properties/source/properties/signature/properties/value/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_-]{86}$"},message:"must match pattern \""+"^[A-Za-z0-9_-]{86}$"+"\"",schema:"^[A-Za-z0-9_-]{86}$",parentSchema:schema31.properties.spec.properties.source.properties.signature.properties.value,data:data65};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
else {
const err178 = {instancePath:instancePath+"/spec/source/signature/value",schemaPath:"#/properties/spec/properties/source/properties/signature/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.source.properties.signature.properties.value.type,parentSchema:schema31.properties.spec.properties.source.properties.signature.properties.value,data:data65};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
}
}
else {
const err179 = {instancePath:instancePath+"/spec/source/signature",schemaPath:"#/properties/spec/properties/source/properties/signature/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.source.properties.signature.type,parentSchema:schema31.properties.spec.properties.source.properties.signature,data:data63};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
}
if(data59.indexPublished !== undefined){
let data66 = data59.indexPublished;
if(typeof data66 === "string"){
if(!(formats2.validate(data66))){
const err180 = {instancePath:instancePath+"/spec/source/indexPublished",schemaPath:"#/properties/spec/properties/source/properties/indexPublished/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema31.properties.spec.properties.source.properties.indexPublished,data:data66};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
else {
const err181 = {instancePath:instancePath+"/spec/source/indexPublished",schemaPath:"#/properties/spec/properties/source/properties/indexPublished/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.source.properties.indexPublished.type,parentSchema:schema31.properties.spec.properties.source.properties.indexPublished,data:data66};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
}
}
else {
const err182 = {instancePath:instancePath+"/spec/source",schemaPath:"#/properties/spec/properties/source/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.source.type,parentSchema:schema31.properties.spec.properties.source,data:data59};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
}
}
else {
const err183 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.type,parentSchema:schema31.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
}
}
else {
const err184 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const DomainPackRegistry = validate21;
const schema32 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://labenv.westtek.io/schemas/v1/domain-pack-registry.schema.json","title":"DomainPackRegistry","description":"The generated index of every domain pack version with its checksum. Written by `labenv packs index` to `domain-packs/registry.yaml`; `labenv packs verify` fails when a published version changed in place.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"labenv.westtek.io/v1","description":"The labenv document format version. Always `labenv.westtek.io/v1`."},"kind":{"const":"DomainPackRegistry","description":"The document kind: `DomainPackRegistry`."},"metadata":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"const":"registry","description":"Always `registry`."},"published":{"type":"string","format":"date-time","description":"When `labenv packs publish` wrote this index (UTC). Part of what the index signature signs."},"signature":{"type":"object","additionalProperties":false,"required":["keyId","value"],"description":"The publisher's Ed25519 signature over `labenv-index-v1`, `published` and the sha256 of the canonical `spec` (written by `labenv packs publish --key`). Consumers check it with the key in their own `packTrust.keys`.","properties":{"keyId":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$","description":"The signing key's id."},"value":{"type":"string","pattern":"^[A-Za-z0-9_-]{86}$","description":"The 64-byte signature in base64url."}}}}},"spec":{"type":"object","additionalProperties":false,"required":["packs"],"properties":{"packs":{"type":"object","propertyNames":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"A lower-case name that is safe as a path segment and a DNS label: letters, digits and inner hyphens, at most 63 characters."},"description":"Packs by name.","additionalProperties":{"type":"object","additionalProperties":false,"required":["latest","trust","versions"],"properties":{"latest":{"type":"string","description":"The highest published, non-yanked version."},"trust":{"type":"string","enum":["verified","community","experimental"],"description":"The trust level of the latest version: `verified`, `community` or `experimental`."},"description":{"type":"string","description":"What the pack is for (from its latest version)."},"keywords":{"type":"array","maxItems":20,"items":{"type":"string","maxLength":32},"description":"The latest version's keywords."},"packages":{"type":"array","maxItems":2000,"items":{"type":"string","maxLength":128},"description":"The names of the packages the latest version pins, so a search finds a pack by what it holds."},"kernels":{"type":"array","maxItems":50,"items":{"type":"string","maxLength":128},"description":"The latest version's kernels, as `<name> <language>`."},"versions":{"type":"object","description":"Versions by semver string.","additionalProperties":{"type":"object","additionalProperties":false,"required":["checksum"],"properties":{"checksum":{"type":"string","pattern":"^sha256:[a-f0-9]{64}$","description":"sha256 of the version's canonical content. A published version is immutable: `labenv packs verify` fails when this changes."},"deprecated":{"type":"string","description":"The redirect (`pack@range`) when the version is deprecated."},"yanked":{"type":"boolean","description":"True when the version is yanked: ranges never choose it."},"signature":{"type":"object","additionalProperties":false,"required":["keyId","value"],"description":"The publisher's Ed25519 signature over `labenv-pack-v1`, the pack name, version and checksum (written by `labenv packs publish`).","properties":{"keyId":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$","description":"The signing key's id."},"value":{"type":"string","pattern":"^[A-Za-z0-9_-]{86}$","description":"The 64-byte signature in base64url."}}}},"description":"One published version."}}},"description":"One pack: its latest version, trust level and every published version."}}}}}};

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://labenv.westtek.io/schemas/v1/domain-pack-registry.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("labenv.westtek.io/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "labenv.westtek.io/v1"},message:"must be equal to constant",schema:"labenv.westtek.io/v1",parentSchema:schema32.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("DomainPackRegistry" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "DomainPackRegistry"},message:"must be equal to constant",schema:"DomainPackRegistry",parentSchema:schema32.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema32.properties.metadata.required,parentSchema:schema32.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key1 in data2){
if(!(((key1 === "name") || (key1 === "published")) || (key1 === "signature"))){
const err8 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema32.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if("registry" !== data3){
const err9 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/const",keyword:"const",params:{allowedValue: "registry"},message:"must be equal to constant",schema:"registry",parentSchema:schema32.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.published !== undefined){
let data4 = data2.published;
if(typeof data4 === "string"){
if(!(formats2.validate(data4))){
const err10 = {instancePath:instancePath+"/metadata/published",schemaPath:"#/properties/metadata/properties/published/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema32.properties.metadata.properties.published,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/metadata/published",schemaPath:"#/properties/metadata/properties/published/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.metadata.properties.published.type,parentSchema:schema32.properties.metadata.properties.published,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.signature !== undefined){
let data5 = data2.signature;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.keyId === undefined){
const err12 = {instancePath:instancePath+"/metadata/signature",schemaPath:"#/properties/metadata/properties/signature/required",keyword:"required",params:{missingProperty: "keyId"},message:"must have required property '"+"keyId"+"'",schema:schema32.properties.metadata.properties.signature.required,parentSchema:schema32.properties.metadata.properties.signature,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data5.value === undefined){
const err13 = {instancePath:instancePath+"/metadata/signature",schemaPath:"#/properties/metadata/properties/signature/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema32.properties.metadata.properties.signature.required,parentSchema:schema32.properties.metadata.properties.signature,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
for(const key2 in data5){
if(!((key2 === "keyId") || (key2 === "value"))){
const err14 = {instancePath:instancePath+"/metadata/signature",schemaPath:"#/properties/metadata/properties/signature/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema32.properties.metadata.properties.signature,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data5.keyId !== undefined){
let data6 = data5.keyId;
if(typeof data6 === "string"){
if(!pattern31.test(data6)){
const err15 = {instancePath:instancePath+"/metadata/signature/keyId",schemaPath:"#/properties/metadata/properties/signature/properties/keyId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",parentSchema:schema32.properties.metadata.properties.signature.properties.keyId,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/metadata/signature/keyId",schemaPath:"#/properties/metadata/properties/signature/properties/keyId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.metadata.properties.signature.properties.keyId.type,parentSchema:schema32.properties.metadata.properties.signature.properties.keyId,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data5.value !== undefined){
let data7 = data5.value;
if(typeof data7 === "string"){
if(!pattern32.test(data7)){
const err17 = {instancePath:instancePath+"/metadata/signature/value",schemaPath:"#/properties/metadata/properties/signature/properties/value/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_-]{86}$"},message:"must match pattern \""+"^[A-Za-z0-9_-]{86}$"+"\"",schema:"^[A-Za-z0-9_-]{86}$",parentSchema:schema32.properties.metadata.properties.signature.properties.value,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/metadata/signature/value",schemaPath:"#/properties/metadata/properties/signature/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.metadata.properties.signature.properties.value.type,parentSchema:schema32.properties.metadata.properties.signature.properties.value,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/metadata/signature",schemaPath:"#/properties/metadata/properties/signature/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.metadata.properties.signature.type,parentSchema:schema32.properties.metadata.properties.signature,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.metadata.type,parentSchema:schema32.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.spec !== undefined){
let data8 = data.spec;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.packs === undefined){
const err21 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "packs"},message:"must have required property '"+"packs"+"'",schema:schema32.properties.spec.required,parentSchema:schema32.properties.spec,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
for(const key3 in data8){
if(!(key3 === "packs")){
const err22 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema32.properties.spec,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data8.packs !== undefined){
let data9 = data8.packs;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key4 in data9){
const _errs22 = errors;
if(typeof key4 === "string"){
if(!pattern4.test(key4)){
const err23 = {instancePath:instancePath+"/spec/packs",schemaPath:"#/properties/spec/properties/packs/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema32.properties.spec.properties.packs.propertyNames,data:key4,propertyName:key4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/spec/packs",schemaPath:"#/properties/spec/properties/packs/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.packs.propertyNames.type,parentSchema:schema32.properties.spec.properties.packs.propertyNames,data:key4,propertyName:key4};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
var valid4 = _errs22 === errors;
if(!valid4){
const err25 = {instancePath:instancePath+"/spec/packs",schemaPath:"#/properties/spec/properties/packs/propertyNames",keyword:"propertyNames",params:{propertyName: key4},message:"property name must be valid",schema:schema32.properties.spec.properties.packs.propertyNames,parentSchema:schema32.properties.spec.properties.packs,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
for(const key5 in data9){
let data10 = data9[key5];
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.latest === undefined){
const err26 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/packs/additionalProperties/required",keyword:"required",params:{missingProperty: "latest"},message:"must have required property '"+"latest"+"'",schema:schema32.properties.spec.properties.packs.additionalProperties.required,parentSchema:schema32.properties.spec.properties.packs.additionalProperties,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data10.trust === undefined){
const err27 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/packs/additionalProperties/required",keyword:"required",params:{missingProperty: "trust"},message:"must have required property '"+"trust"+"'",schema:schema32.properties.spec.properties.packs.additionalProperties.required,parentSchema:schema32.properties.spec.properties.packs.additionalProperties,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data10.versions === undefined){
const err28 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/packs/additionalProperties/required",keyword:"required",params:{missingProperty: "versions"},message:"must have required property '"+"versions"+"'",schema:schema32.properties.spec.properties.packs.additionalProperties.required,parentSchema:schema32.properties.spec.properties.packs.additionalProperties,data:data10};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
for(const key6 in data10){
if(!(((((((key6 === "latest") || (key6 === "trust")) || (key6 === "description")) || (key6 === "keywords")) || (key6 === "packages")) || (key6 === "kernels")) || (key6 === "versions"))){
const err29 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/packs/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema32.properties.spec.properties.packs.additionalProperties,data:data10};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data10.latest !== undefined){
let data11 = data10.latest;
if(typeof data11 !== "string"){
const err30 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/latest",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/latest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.latest.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.latest,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data10.trust !== undefined){
let data12 = data10.trust;
if(typeof data12 !== "string"){
const err31 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/trust",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/trust/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.trust.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.trust,data:data12};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(!(((data12 === "verified") || (data12 === "community")) || (data12 === "experimental"))){
const err32 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/trust",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/trust/enum",keyword:"enum",params:{allowedValues: schema32.properties.spec.properties.packs.additionalProperties.properties.trust.enum},message:"must be equal to one of the allowed values",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.trust.enum,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.trust,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data10.description !== undefined){
let data13 = data10.description;
if(typeof data13 !== "string"){
const err33 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.description.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.description,data:data13};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data10.keywords !== undefined){
let data14 = data10.keywords;
if(Array.isArray(data14)){
if(data14.length > 20){
const err34 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/keywords",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/keywords/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items",schema:20,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.keywords,data:data14};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
const len0 = data14.length;
for(let i0=0; i0<len0; i0++){
let data15 = data14[i0];
if(typeof data15 === "string"){
if(func1(data15) > 32){
const err35 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/keywords/" + i0,schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/keywords/items/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.keywords.items,data:data15};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/keywords/" + i0,schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/keywords/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.keywords.items.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.keywords.items,data:data15};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/keywords",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/keywords/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.keywords.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.keywords,data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data10.packages !== undefined){
let data16 = data10.packages;
if(Array.isArray(data16)){
if(data16.length > 2000){
const err38 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/packages",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/packages/maxItems",keyword:"maxItems",params:{limit: 2000},message:"must NOT have more than 2000 items",schema:2000,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.packages,data:data16};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
const len1 = data16.length;
for(let i1=0; i1<len1; i1++){
let data17 = data16[i1];
if(typeof data17 === "string"){
if(func1(data17) > 128){
const err39 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/packages/" + i1,schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/packages/items/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.packages.items,data:data17};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/packages/" + i1,schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/packages/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.packages.items.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.packages.items,data:data17};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/packages",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/packages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.packages.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.packages,data:data16};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data10.kernels !== undefined){
let data18 = data10.kernels;
if(Array.isArray(data18)){
if(data18.length > 50){
const err42 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/kernels",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/kernels/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items",schema:50,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.kernels,data:data18};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
const len2 = data18.length;
for(let i2=0; i2<len2; i2++){
let data19 = data18[i2];
if(typeof data19 === "string"){
if(func1(data19) > 128){
const err43 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/kernels/" + i2,schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/kernels/items/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.kernels.items,data:data19};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
else {
const err44 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/kernels/" + i2,schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/kernels/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.kernels.items.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.kernels.items,data:data19};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/kernels",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/kernels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.kernels.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.kernels,data:data18};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data10.versions !== undefined){
let data20 = data10.versions;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key7 in data20){
let data21 = data20[key7];
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.checksum === undefined){
const err46 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/required",keyword:"required",params:{missingProperty: "checksum"},message:"must have required property '"+"checksum"+"'",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.required,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties,data:data21};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
for(const key8 in data21){
if(!((((key8 === "checksum") || (key8 === "deprecated")) || (key8 === "yanked")) || (key8 === "signature"))){
const err47 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties,data:data21};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data21.checksum !== undefined){
let data22 = data21.checksum;
if(typeof data22 === "string"){
if(!pattern10.test(data22)){
const err48 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/checksum",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/properties/checksum/pattern",keyword:"pattern",params:{pattern: "^sha256:[a-f0-9]{64}$"},message:"must match pattern \""+"^sha256:[a-f0-9]{64}$"+"\"",schema:"^sha256:[a-f0-9]{64}$",parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.checksum,data:data22};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/checksum",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/properties/checksum/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.checksum.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.checksum,data:data22};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data21.deprecated !== undefined){
let data23 = data21.deprecated;
if(typeof data23 !== "string"){
const err50 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/deprecated",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/properties/deprecated/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.deprecated.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.deprecated,data:data23};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data21.yanked !== undefined){
let data24 = data21.yanked;
if(typeof data24 !== "boolean"){
const err51 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/yanked",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/properties/yanked/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.yanked.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.yanked,data:data24};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data21.signature !== undefined){
let data25 = data21.signature;
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
if(data25.keyId === undefined){
const err52 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/signature",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/properties/signature/required",keyword:"required",params:{missingProperty: "keyId"},message:"must have required property '"+"keyId"+"'",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.signature.required,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.signature,data:data25};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(data25.value === undefined){
const err53 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/signature",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/properties/signature/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.signature.required,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.signature,data:data25};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
for(const key9 in data25){
if(!((key9 === "keyId") || (key9 === "value"))){
const err54 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/signature",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/properties/signature/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.signature,data:data25};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data25.keyId !== undefined){
let data26 = data25.keyId;
if(typeof data26 === "string"){
if(!pattern31.test(data26)){
const err55 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/signature/keyId",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/properties/signature/properties/keyId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.signature.properties.keyId,data:data26};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
else {
const err56 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/signature/keyId",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/properties/signature/properties/keyId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.signature.properties.keyId.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.signature.properties.keyId,data:data26};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data25.value !== undefined){
let data27 = data25.value;
if(typeof data27 === "string"){
if(!pattern32.test(data27)){
const err57 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/signature/value",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/properties/signature/properties/value/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_-]{86}$"},message:"must match pattern \""+"^[A-Za-z0-9_-]{86}$"+"\"",schema:"^[A-Za-z0-9_-]{86}$",parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.signature.properties.value,data:data27};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
else {
const err58 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/signature/value",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/properties/signature/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.signature.properties.value.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.signature.properties.value,data:data27};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
else {
const err59 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/signature",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/properties/signature/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.signature.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.properties.signature,data:data25};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.additionalProperties,data:data21};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
else {
const err61 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions",schemaPath:"#/properties/spec/properties/packs/additionalProperties/properties/versions/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties.properties.versions,data:data20};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
else {
const err62 = {instancePath:instancePath+"/spec/packs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/packs/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.spec.properties.packs.additionalProperties.type,parentSchema:schema32.properties.spec.properties.packs.additionalProperties,data:data10};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
else {
const err63 = {instancePath:instancePath+"/spec/packs",schemaPath:"#/properties/spec/properties/packs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.spec.properties.packs.type,parentSchema:schema32.properties.spec.properties.packs,data:data9};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
else {
const err64 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.spec.type,parentSchema:schema32.properties.spec,data:data8};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
else {
const err65 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const Environment = validate22;
const schema33 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://labenv.westtek.io/schemas/v1/environment.schema.json","title":"Environment","description":"A Jupyter environment as a researcher asks for it: domain pack, extra packages, resources, owner, and how drift is handled. Lives at `environments/<lab>/<name>/environment.yaml`; `labenv lock` turns it into `environment.lock.yaml`.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"labenv.westtek.io/v1","description":"The labenv document format version. Always `labenv.westtek.io/v1`."},"kind":{"const":"Environment","description":"The document kind: `Environment`."},"metadata":{"type":"object","additionalProperties":false,"required":["name","lab"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The environment's name. Must equal the directory name: `environments/<lab>/<name>/`."},"lab":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The lab that owns this environment. Must equal the directory name: `environments/<lab>/`."},"labels":{"type":"object","description":"Free-form labels for grouping and search. Keys must not look like secrets: labenv never stores credentials in Git.","propertyNames":{"pattern":"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$","not":{"pattern":"[Pp][Aa][Ss][Ss][Ww]([Oo][Rr])?[Dd]|[Ss][Ee][Cc][Rr][Ee][Tt]|[Tt][Oo][Kk][Ee][Nn]|[Aa][Pp][Ii][-_]?[Kk][Ee][Yy]|[Pp][Rr][Ii][Vv][Aa][Tt][Ee][-_]?[Kk][Ee][Yy]|[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll]|[Aa][Cc][Cc][Ee][Ss][Ss][-_]?[Kk][Ee][Yy]"}},"additionalProperties":{"type":"string","maxLength":256}},"experiment":{"type":"string","maxLength":128,"description":"The experiment or study this environment serves (e.g. `EXP-2026-014`). Audit reports group by it."},"funding":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The funding source paying for this environment: an id from the lab's `spec.funding`."}}},"spec":{"type":"object","additionalProperties":false,"required":["owner","domainPack","resources"],"properties":{"owner":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The member who owns the environment. Their POSIX uid owns the EFS home mounted at `/home/jovyan`."},"description":{"type":"string","maxLength":1024,"description":"What the environment is for, in a sentence or two."},"criticality":{"type":"string","enum":["standard","restricted"],"default":"standard","description":"How sensitive the environment's data is. `restricted` (identifiable patient data, embargoed results): a Share of it needs `allowRestricted: true`, and then the lab PI's approval."},"domainPack":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?@[^\\s@]+$","description":"The domain pack and a semver range, e.g. `genomics@^1.2`. The highest published, non-yanked version in the range is locked."},"state":{"type":"string","enum":["running","stopped"],"default":"running","description":"`running` keeps one Jupyter task up; `stopped` scales the service to zero and keeps every byte of storage."},"restoreFrom":{"type":"object","additionalProperties":false,"required":["snapshot"],"description":"Bring this environment back from a captured snapshot: its task runs the snapshot's image by digest, its /opt/jupyter volume is created from the snapshot's EBS snapshot, and the snapshot's home is restored from its AWS Backup recovery point and checked file by file against the manifest. The environment's lock must hold the snapshot's lock (`labenv restore` writes both). Existing files in the home are never overwritten unless `overwrite: true`: without it the restored files are left beside them.","properties":{"snapshot":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The snapshot: `<lab>/<environment>/<name>`."},"overwrite":{"type":"boolean","default":false,"description":"Restore over the home's files: each file whose content differs from the snapshot's is replaced by the snapshot's version, the home's version first moved into `.labenv-replaced/<time>/` in the home (never lost); files the snapshot does not have are left as they are. Destructive to the home's current versions, so it needs the approvals of a delete (an approver of the lab). On AWS the one-off move task (the agent's `--replace`) does the same; a snapshot whose image's agent predates `--replace` fails the restore and changes nothing."},"attempt":{"type":"integer","minimum":1,"maximum":100,"default":1,"description":"Which attempt of this restore to run. Raise it (2, 3, …) in a pull request to retry a restore that failed: a fresh restore with its own AWS Backup restore job and move, recorded apart; what an earlier attempt left (its record, a restore directory a failed move left, files placed beside the home) is kept, never deleted. A retry needs the approvals the restore needed (an overwrite's, with `overwrite: true`). Attempt 1 is the restore as first asked for."}}},"resources":{"type":"object","additionalProperties":false,"required":["cpu","memory"],"description":"Compute and storage for the Jupyter task.","properties":{"cpu":{"type":"integer","enum":[256,512,1024,2048,4096,8192,16384],"description":"Fargate CPU units (1024 = 1 vCPU). Each value allows only certain memory sizes; `labenv validate` checks the pair."},"memory":{"type":"integer","minimum":512,"maximum":122880,"description":"Memory in MiB. Must be a size Fargate offers for the chosen cpu (e.g. cpu 1024 allows 2048–8192 in steps of 1024)."},"storageGiB":{"type":"integer","minimum":1,"maximum":16384,"description":"Size in GiB of the EBS volume mounted at `/opt/jupyter` (installed packages and kernels)."}}},"packages":{"type":"array","uniqueItems":true,"description":"Extra Python packages beyond the domain pack, as PEP 508 requirements (`scanpy>=1.10,<1.11`). They must not conflict with the pack's pins.","items":{"type":"string","minLength":1,"maxLength":512}},"r":{"type":"object","additionalProperties":false,"required":["repository","packages"],"description":"R packages on top of the pack's, pinned exactly and installed from one date-pinned CRAN-style snapshot repository (needs an R kernel in the pack). `labenv lock` reads the repository's `src/contrib/PACKAGES`, locks every pin and its dependencies at the snapshot's versions with their MD5 sums, and the image installs exactly those.","properties":{"repository":{"type":"string","maxLength":2048,"pattern":"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?$","description":"A snapshot repository that never changes, e.g. `https://packagemanager.posit.co/cran/2024-06-03` (Posit Package Manager, pinned to a date)."},"packages":{"type":"array","maxItems":500,"uniqueItems":true,"items":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9.]{0,127}==[0-9]+([.-][0-9]+)*$"},"description":"`name==version`, exact: the version the snapshot holds."}}},"julia":{"type":"object","additionalProperties":false,"required":["registry","packages"],"description":"Julia packages for the pack's Julia kernel (IJulia), pinned exactly and resolved against one General-style registry (needs a Julia kernel with its version in the pack). `labenv lock` reads the registry's Registry.toml and each package's Package.toml, Versions.toml, Deps.toml and Compat.toml, locks every pin and its dependencies (a backtracking resolver: the highest versions that together meet every compat range) with their uuids and git-tree-sha1s, and the image instantiates exactly that Manifest.toml. IJulia must be among them.","properties":{"registry":{"type":"string","maxLength":2048,"pattern":"^(https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?|git\\+file://(/[A-Za-z0-9._~%+-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?|git\\+https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?)$","description":"Where the registry's files are read from: an HTTP(S) URL serving them at a commit that never changes (e.g. a raw-files URL of JuliaRegistries/General at one commit, or an institution's mirror), or a git repository read with git — `git+file:///path/to/General#<ref>` on this machine, or `git+https://host/General.git#<ref>` fetched first. For git, the lock records the commit `<ref>` named when it was made (`registryCommit`), and later locks read that commit until `labenv lock --upgrade`."},"packages":{"type":"array","maxItems":500,"uniqueItems":true,"items":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9_]{0,127}==(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$"},"description":"`Name==x.y.z`, exact: a version the registry holds and has not yanked."}}},"kernels":{"type":"array","uniqueItems":true,"items":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,63}$"},"description":"Which of the pack's kernels to offer (kernelspec names). Default: all of them."},"jupyterConfig":{"type":"object","description":"Jupyter server and lab settings, as `Section.option: value` (e.g. `ServerApp.shutdown_no_activity_timeout: 3600`). Tokens and passwords are never set here: access goes through the load balancer.","propertyNames":{"pattern":"^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$","not":{"pattern":"[Pp][Aa][Ss][Ss][Ww]([Oo][Rr])?[Dd]|[Ss][Ee][Cc][Rr][Ee][Tt]|[Tt][Oo][Kk][Ee][Nn]|[Aa][Pp][Ii][-_]?[Kk][Ee][Yy]|[Pp][Rr][Ii][Vv][Aa][Tt][Ee][-_]?[Kk][Ee][Yy]|[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll]|[Aa][Cc][Cc][Ee][Ss][Ss][-_]?[Kk][Ee][Yy]"}},"additionalProperties":{"type":["string","number","boolean","array","object","null"]}},"mounts":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["dataset","path"],"properties":{"dataset":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The lab's shared dataset (a directory on the lab's EFS file system, mounted through its own access point)."},"path":{"type":"string","pattern":"^/data(/[A-Za-z0-9._-]+)+$","description":"Where the dataset appears in the container, under `/data`."},"readOnly":{"type":"boolean","default":true,"description":"Mount read-only (the default) so analyses cannot change reference data."}}},"description":"Lab datasets to mount in addition to the pack's."},"schedule":{"type":"object","additionalProperties":false,"description":"When the environment runs, for cost estimates and idle shutdown.","properties":{"idleShutdownMinutes":{"type":"integer","minimum":0,"maximum":10080,"description":"Stop the Jupyter server after this many idle minutes (0: never)."},"hoursPerWeek":{"type":"number","minimum":0,"maximum":168,"default":168,"description":"Expected running hours per week; used for the monthly cost estimate."}}},"drift":{"type":"object","additionalProperties":false,"description":"What labenv does when what runs differs from the lock.","properties":{"policy":{"type":"string","enum":["pr","revert","alert"],"default":"pr","description":"`pr` opens a drift pull request for humans to decide; `revert` puts the environment back as locked (snapshot first); `alert` only reports."}}},"snapshots":{"type":"object","additionalProperties":false,"required":["schedule"],"description":"Scheduled snapshots of this environment: taken when the cron schedule is due (UTC) and pruned by `keep`, as Velero's schedules and TTLs do for Kubernetes. Overrides the lab's `spec.snapshots` (its fields win, `keep` as a whole).","properties":{"schedule":{"type":"string","minLength":1,"maxLength":100,"description":"A five-field cron expression, in UTC (e.g. `0 3 * * *`: every day at 03:00). A reconcile that finds a slot due takes one snapshot for the newest slot missed, never a backlog."},"keep":{"type":"object","additionalProperties":false,"description":"How many scheduled snapshots are kept: the newest of each of the last `daily` days, `weekly` ISO weeks and `monthly` months that have one (as restic's --keep-daily/weekly/monthly). Without `keep`, none is pruned. A snapshot a document asks for, under legal hold, within its keepUntil, named by a restoreFrom, share or succession, or the environment's last verified one is never pruned.","properties":{"daily":{"type":"integer","minimum":0,"maximum":1000,"description":"The newest scheduled snapshot of each of the last this many days is kept."},"weekly":{"type":"integer","minimum":0,"maximum":1000,"description":"The newest scheduled snapshot of each of the last this many ISO weeks (Monday to Sunday, UTC) is kept."},"monthly":{"type":"integer","minimum":0,"maximum":1000,"description":"The newest scheduled snapshot of each of the last this many calendar months is kept."}}},"include":{"type":"object","additionalProperties":false,"description":"What each scheduled snapshot captures, as a Snapshot document's `include`.","properties":{"packages":{"type":"boolean","default":true,"description":"The /opt/jupyter EBS volume (the installed packages)."},"home":{"type":"boolean","default":false,"description":"The owner's EFS home, through an AWS Backup job."}}},"paused":{"type":"boolean","default":false,"description":"Take no scheduled snapshot while true (pruning goes on)."}}}}}}};
const pattern46 = new RegExp("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", "u");
const pattern47 = new RegExp("^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?$", "u");
const pattern48 = new RegExp("^[A-Za-z][A-Za-z0-9.]{0,127}==[0-9]+([.-][0-9]+)*$", "u");
const pattern49 = new RegExp("^(https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?|git\\+file://(/[A-Za-z0-9._~%+-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?|git\\+https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?)$", "u");
const pattern50 = new RegExp("^[A-Za-z][A-Za-z0-9_]{0,127}==(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$", "u");

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://labenv.westtek.io/schemas/v1/environment.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema33.required,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema33.required,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema33.required,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema33.required,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("labenv.westtek.io/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "labenv.westtek.io/v1"},message:"must be equal to constant",schema:"labenv.westtek.io/v1",parentSchema:schema33.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("Environment" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Environment"},message:"must be equal to constant",schema:"Environment",parentSchema:schema33.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema33.properties.metadata.required,parentSchema:schema33.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data2.lab === undefined){
const err8 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "lab"},message:"must have required property '"+"lab"+"'",schema:schema33.properties.metadata.required,parentSchema:schema33.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key1 in data2){
if(!(((((key1 === "name") || (key1 === "lab")) || (key1 === "labels")) || (key1 === "experiment")) || (key1 === "funding"))){
const err9 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err10 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema33.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.metadata.properties.name.type,parentSchema:schema33.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.lab !== undefined){
let data4 = data2.lab;
if(typeof data4 === "string"){
if(!pattern4.test(data4)){
const err12 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema33.properties.metadata.properties.lab,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.metadata.properties.lab.type,parentSchema:schema33.properties.metadata.properties.lab,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data2.labels !== undefined){
let data5 = data2.labels;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key2 in data5){
const _errs13 = errors;
const _errs14 = errors;
const _errs15 = errors;
if(typeof key2 === "string"){
if(!pattern6.test(key2)){
const err14 = {};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var valid3 = _errs15 === errors;
if(valid3){
const err15 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema33.properties.metadata.properties.labels.propertyNames.not,parentSchema:schema33.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
}
if(typeof key2 === "string"){
if(!pattern7.test(key2)){
const err16 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"},message:"must match pattern \""+"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"+"\"",schema:"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$",parentSchema:schema33.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var valid2 = _errs13 === errors;
if(!valid2){
const err17 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema33.properties.metadata.properties.labels.propertyNames,parentSchema:schema33.properties.metadata.properties.labels,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
for(const key3 in data5){
let data6 = data5[key3];
if(typeof data6 === "string"){
if(func1(data6) > 256){
const err18 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema33.properties.metadata.properties.labels.additionalProperties,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.metadata.properties.labels.additionalProperties.type,parentSchema:schema33.properties.metadata.properties.labels.additionalProperties,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.metadata.properties.labels.type,parentSchema:schema33.properties.metadata.properties.labels,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data2.experiment !== undefined){
let data7 = data2.experiment;
if(typeof data7 === "string"){
if(func1(data7) > 128){
const err21 = {instancePath:instancePath+"/metadata/experiment",schemaPath:"#/properties/metadata/properties/experiment/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema33.properties.metadata.properties.experiment,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/metadata/experiment",schemaPath:"#/properties/metadata/properties/experiment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.metadata.properties.experiment.type,parentSchema:schema33.properties.metadata.properties.experiment,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data2.funding !== undefined){
let data8 = data2.funding;
if(typeof data8 === "string"){
if(!pattern4.test(data8)){
const err23 = {instancePath:instancePath+"/metadata/funding",schemaPath:"#/properties/metadata/properties/funding/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema33.properties.metadata.properties.funding,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/metadata/funding",schemaPath:"#/properties/metadata/properties/funding/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.metadata.properties.funding.type,parentSchema:schema33.properties.metadata.properties.funding,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.metadata.type,parentSchema:schema33.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.spec !== undefined){
let data9 = data.spec;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.owner === undefined){
const err26 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "owner"},message:"must have required property '"+"owner"+"'",schema:schema33.properties.spec.required,parentSchema:schema33.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data9.domainPack === undefined){
const err27 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "domainPack"},message:"must have required property '"+"domainPack"+"'",schema:schema33.properties.spec.required,parentSchema:schema33.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data9.resources === undefined){
const err28 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "resources"},message:"must have required property '"+"resources"+"'",schema:schema33.properties.spec.required,parentSchema:schema33.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
for(const key4 in data9){
if(!(func2.call(schema33.properties.spec.properties, key4))){
const err29 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data9.owner !== undefined){
let data10 = data9.owner;
if(typeof data10 === "string"){
if(!pattern4.test(data10)){
const err30 = {instancePath:instancePath+"/spec/owner",schemaPath:"#/properties/spec/properties/owner/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema33.properties.spec.properties.owner,data:data10};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/spec/owner",schemaPath:"#/properties/spec/properties/owner/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.owner.type,parentSchema:schema33.properties.spec.properties.owner,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data9.description !== undefined){
let data11 = data9.description;
if(typeof data11 === "string"){
if(func1(data11) > 1024){
const err32 = {instancePath:instancePath+"/spec/description",schemaPath:"#/properties/spec/properties/description/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema33.properties.spec.properties.description,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/spec/description",schemaPath:"#/properties/spec/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.description.type,parentSchema:schema33.properties.spec.properties.description,data:data11};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data9.criticality !== undefined){
let data12 = data9.criticality;
if(typeof data12 !== "string"){
const err34 = {instancePath:instancePath+"/spec/criticality",schemaPath:"#/properties/spec/properties/criticality/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.criticality.type,parentSchema:schema33.properties.spec.properties.criticality,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(!((data12 === "standard") || (data12 === "restricted"))){
const err35 = {instancePath:instancePath+"/spec/criticality",schemaPath:"#/properties/spec/properties/criticality/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.criticality.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.criticality.enum,parentSchema:schema33.properties.spec.properties.criticality,data:data12};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data9.domainPack !== undefined){
let data13 = data9.domainPack;
if(typeof data13 === "string"){
if(!pattern28.test(data13)){
const err36 = {instancePath:instancePath+"/spec/domainPack",schemaPath:"#/properties/spec/properties/domainPack/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?@[^\\s@]+$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?@[^\\s@]+$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?@[^\\s@]+$",parentSchema:schema33.properties.spec.properties.domainPack,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/spec/domainPack",schemaPath:"#/properties/spec/properties/domainPack/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.domainPack.type,parentSchema:schema33.properties.spec.properties.domainPack,data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data9.state !== undefined){
let data14 = data9.state;
if(typeof data14 !== "string"){
const err38 = {instancePath:instancePath+"/spec/state",schemaPath:"#/properties/spec/properties/state/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.state.type,parentSchema:schema33.properties.spec.properties.state,data:data14};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(!((data14 === "running") || (data14 === "stopped"))){
const err39 = {instancePath:instancePath+"/spec/state",schemaPath:"#/properties/spec/properties/state/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.state.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.state.enum,parentSchema:schema33.properties.spec.properties.state,data:data14};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data9.restoreFrom !== undefined){
let data15 = data9.restoreFrom;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.snapshot === undefined){
const err40 = {instancePath:instancePath+"/spec/restoreFrom",schemaPath:"#/properties/spec/properties/restoreFrom/required",keyword:"required",params:{missingProperty: "snapshot"},message:"must have required property '"+"snapshot"+"'",schema:schema33.properties.spec.properties.restoreFrom.required,parentSchema:schema33.properties.spec.properties.restoreFrom,data:data15};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
for(const key5 in data15){
if(!(((key5 === "snapshot") || (key5 === "overwrite")) || (key5 === "attempt"))){
const err41 = {instancePath:instancePath+"/spec/restoreFrom",schemaPath:"#/properties/spec/properties/restoreFrom/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.restoreFrom,data:data15};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data15.snapshot !== undefined){
let data16 = data15.snapshot;
if(typeof data16 === "string"){
if(!pattern46.test(data16)){
const err42 = {instancePath:instancePath+"/spec/restoreFrom/snapshot",schemaPath:"#/properties/spec/properties/restoreFrom/properties/snapshot/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema33.properties.spec.properties.restoreFrom.properties.snapshot,data:data16};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/spec/restoreFrom/snapshot",schemaPath:"#/properties/spec/properties/restoreFrom/properties/snapshot/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.restoreFrom.properties.snapshot.type,parentSchema:schema33.properties.spec.properties.restoreFrom.properties.snapshot,data:data16};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data15.overwrite !== undefined){
let data17 = data15.overwrite;
if(typeof data17 !== "boolean"){
const err44 = {instancePath:instancePath+"/spec/restoreFrom/overwrite",schemaPath:"#/properties/spec/properties/restoreFrom/properties/overwrite/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema33.properties.spec.properties.restoreFrom.properties.overwrite.type,parentSchema:schema33.properties.spec.properties.restoreFrom.properties.overwrite,data:data17};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data15.attempt !== undefined){
let data18 = data15.attempt;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
const err45 = {instancePath:instancePath+"/spec/restoreFrom/attempt",schemaPath:"#/properties/spec/properties/restoreFrom/properties/attempt/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.spec.properties.restoreFrom.properties.attempt.type,parentSchema:schema33.properties.spec.properties.restoreFrom.properties.attempt,data:data18};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 > 100 || isNaN(data18)){
const err46 = {instancePath:instancePath+"/spec/restoreFrom/attempt",schemaPath:"#/properties/spec/properties/restoreFrom/properties/attempt/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema33.properties.spec.properties.restoreFrom.properties.attempt,data:data18};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(data18 < 1 || isNaN(data18)){
const err47 = {instancePath:instancePath+"/spec/restoreFrom/attempt",schemaPath:"#/properties/spec/properties/restoreFrom/properties/attempt/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema33.properties.spec.properties.restoreFrom.properties.attempt,data:data18};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
}
else {
const err48 = {instancePath:instancePath+"/spec/restoreFrom",schemaPath:"#/properties/spec/properties/restoreFrom/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.restoreFrom.type,parentSchema:schema33.properties.spec.properties.restoreFrom,data:data15};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data9.resources !== undefined){
let data19 = data9.resources;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.cpu === undefined){
const err49 = {instancePath:instancePath+"/spec/resources",schemaPath:"#/properties/spec/properties/resources/required",keyword:"required",params:{missingProperty: "cpu"},message:"must have required property '"+"cpu"+"'",schema:schema33.properties.spec.properties.resources.required,parentSchema:schema33.properties.spec.properties.resources,data:data19};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if(data19.memory === undefined){
const err50 = {instancePath:instancePath+"/spec/resources",schemaPath:"#/properties/spec/properties/resources/required",keyword:"required",params:{missingProperty: "memory"},message:"must have required property '"+"memory"+"'",schema:schema33.properties.spec.properties.resources.required,parentSchema:schema33.properties.spec.properties.resources,data:data19};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
for(const key6 in data19){
if(!(((key6 === "cpu") || (key6 === "memory")) || (key6 === "storageGiB"))){
const err51 = {instancePath:instancePath+"/spec/resources",schemaPath:"#/properties/spec/properties/resources/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.resources,data:data19};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data19.cpu !== undefined){
let data20 = data19.cpu;
if(!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))){
const err52 = {instancePath:instancePath+"/spec/resources/cpu",schemaPath:"#/properties/spec/properties/resources/properties/cpu/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.spec.properties.resources.properties.cpu.type,parentSchema:schema33.properties.spec.properties.resources.properties.cpu,data:data20};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(!(((((((data20 === 256) || (data20 === 512)) || (data20 === 1024)) || (data20 === 2048)) || (data20 === 4096)) || (data20 === 8192)) || (data20 === 16384))){
const err53 = {instancePath:instancePath+"/spec/resources/cpu",schemaPath:"#/properties/spec/properties/resources/properties/cpu/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.resources.properties.cpu.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.resources.properties.cpu.enum,parentSchema:schema33.properties.spec.properties.resources.properties.cpu,data:data20};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data19.memory !== undefined){
let data21 = data19.memory;
if(!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))){
const err54 = {instancePath:instancePath+"/spec/resources/memory",schemaPath:"#/properties/spec/properties/resources/properties/memory/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.spec.properties.resources.properties.memory.type,parentSchema:schema33.properties.spec.properties.resources.properties.memory,data:data21};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 > 122880 || isNaN(data21)){
const err55 = {instancePath:instancePath+"/spec/resources/memory",schemaPath:"#/properties/spec/properties/resources/properties/memory/maximum",keyword:"maximum",params:{comparison: "<=", limit: 122880},message:"must be <= 122880",schema:122880,parentSchema:schema33.properties.spec.properties.resources.properties.memory,data:data21};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if(data21 < 512 || isNaN(data21)){
const err56 = {instancePath:instancePath+"/spec/resources/memory",schemaPath:"#/properties/spec/properties/resources/properties/memory/minimum",keyword:"minimum",params:{comparison: ">=", limit: 512},message:"must be >= 512",schema:512,parentSchema:schema33.properties.spec.properties.resources.properties.memory,data:data21};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
if(data19.storageGiB !== undefined){
let data22 = data19.storageGiB;
if(!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))){
const err57 = {instancePath:instancePath+"/spec/resources/storageGiB",schemaPath:"#/properties/spec/properties/resources/properties/storageGiB/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.spec.properties.resources.properties.storageGiB.type,parentSchema:schema33.properties.spec.properties.resources.properties.storageGiB,data:data22};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if((typeof data22 == "number") && (isFinite(data22))){
if(data22 > 16384 || isNaN(data22)){
const err58 = {instancePath:instancePath+"/spec/resources/storageGiB",schemaPath:"#/properties/spec/properties/resources/properties/storageGiB/maximum",keyword:"maximum",params:{comparison: "<=", limit: 16384},message:"must be <= 16384",schema:16384,parentSchema:schema33.properties.spec.properties.resources.properties.storageGiB,data:data22};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if(data22 < 1 || isNaN(data22)){
const err59 = {instancePath:instancePath+"/spec/resources/storageGiB",schemaPath:"#/properties/spec/properties/resources/properties/storageGiB/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema33.properties.spec.properties.resources.properties.storageGiB,data:data22};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
}
else {
const err60 = {instancePath:instancePath+"/spec/resources",schemaPath:"#/properties/spec/properties/resources/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.resources.type,parentSchema:schema33.properties.spec.properties.resources,data:data19};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data9.packages !== undefined){
let data23 = data9.packages;
if(Array.isArray(data23)){
const len0 = data23.length;
for(let i0=0; i0<len0; i0++){
let data24 = data23[i0];
if(typeof data24 === "string"){
if(func1(data24) > 512){
const err61 = {instancePath:instancePath+"/spec/packages/" + i0,schemaPath:"#/properties/spec/properties/packages/items/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters",schema:512,parentSchema:schema33.properties.spec.properties.packages.items,data:data24};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if(func1(data24) < 1){
const err62 = {instancePath:instancePath+"/spec/packages/" + i0,schemaPath:"#/properties/spec/properties/packages/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33.properties.spec.properties.packages.items,data:data24};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
else {
const err63 = {instancePath:instancePath+"/spec/packages/" + i0,schemaPath:"#/properties/spec/properties/packages/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.packages.items.type,parentSchema:schema33.properties.spec.properties.packages.items,data:data24};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
let i1 = data23.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data23[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err64 = {instancePath:instancePath+"/spec/packages",schemaPath:"#/properties/spec/properties/packages/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema33.properties.spec.properties.packages,data:data23};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err65 = {instancePath:instancePath+"/spec/packages",schemaPath:"#/properties/spec/properties/packages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.properties.spec.properties.packages.type,parentSchema:schema33.properties.spec.properties.packages,data:data23};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data9.r !== undefined){
let data25 = data9.r;
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
if(data25.repository === undefined){
const err66 = {instancePath:instancePath+"/spec/r",schemaPath:"#/properties/spec/properties/r/required",keyword:"required",params:{missingProperty: "repository"},message:"must have required property '"+"repository"+"'",schema:schema33.properties.spec.properties.r.required,parentSchema:schema33.properties.spec.properties.r,data:data25};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if(data25.packages === undefined){
const err67 = {instancePath:instancePath+"/spec/r",schemaPath:"#/properties/spec/properties/r/required",keyword:"required",params:{missingProperty: "packages"},message:"must have required property '"+"packages"+"'",schema:schema33.properties.spec.properties.r.required,parentSchema:schema33.properties.spec.properties.r,data:data25};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
for(const key7 in data25){
if(!((key7 === "repository") || (key7 === "packages"))){
const err68 = {instancePath:instancePath+"/spec/r",schemaPath:"#/properties/spec/properties/r/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.r,data:data25};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data25.repository !== undefined){
let data26 = data25.repository;
if(typeof data26 === "string"){
if(func1(data26) > 2048){
const err69 = {instancePath:instancePath+"/spec/r/repository",schemaPath:"#/properties/spec/properties/r/properties/repository/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters",schema:2048,parentSchema:schema33.properties.spec.properties.r.properties.repository,data:data26};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
if(!pattern47.test(data26)){
const err70 = {instancePath:instancePath+"/spec/r/repository",schemaPath:"#/properties/spec/properties/r/properties/repository/pattern",keyword:"pattern",params:{pattern: "^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?$"},message:"must match pattern \""+"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?$"+"\"",schema:"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?$",parentSchema:schema33.properties.spec.properties.r.properties.repository,data:data26};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
else {
const err71 = {instancePath:instancePath+"/spec/r/repository",schemaPath:"#/properties/spec/properties/r/properties/repository/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.r.properties.repository.type,parentSchema:schema33.properties.spec.properties.r.properties.repository,data:data26};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data25.packages !== undefined){
let data27 = data25.packages;
if(Array.isArray(data27)){
if(data27.length > 500){
const err72 = {instancePath:instancePath+"/spec/r/packages",schemaPath:"#/properties/spec/properties/r/properties/packages/maxItems",keyword:"maxItems",params:{limit: 500},message:"must NOT have more than 500 items",schema:500,parentSchema:schema33.properties.spec.properties.r.properties.packages,data:data27};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
const len1 = data27.length;
for(let i2=0; i2<len1; i2++){
let data28 = data27[i2];
if(typeof data28 === "string"){
if(!pattern48.test(data28)){
const err73 = {instancePath:instancePath+"/spec/r/packages/" + i2,schemaPath:"#/properties/spec/properties/r/properties/packages/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9.]{0,127}==[0-9]+([.-][0-9]+)*$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9.]{0,127}==[0-9]+([.-][0-9]+)*$"+"\"",schema:"^[A-Za-z][A-Za-z0-9.]{0,127}==[0-9]+([.-][0-9]+)*$",parentSchema:schema33.properties.spec.properties.r.properties.packages.items,data:data28};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
else {
const err74 = {instancePath:instancePath+"/spec/r/packages/" + i2,schemaPath:"#/properties/spec/properties/r/properties/packages/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.r.properties.packages.items.type,parentSchema:schema33.properties.spec.properties.r.properties.packages.items,data:data28};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
let i3 = data27.length;
let j1;
if(i3 > 1){
const indices1 = {};
for(;i3--;){
let item1 = data27[i3];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err75 = {instancePath:instancePath+"/spec/r/packages",schemaPath:"#/properties/spec/properties/r/properties/packages/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema33.properties.spec.properties.r.properties.packages,data:data27};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
break;
}
indices1[item1] = i3;
}
}
}
else {
const err76 = {instancePath:instancePath+"/spec/r/packages",schemaPath:"#/properties/spec/properties/r/properties/packages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.properties.spec.properties.r.properties.packages.type,parentSchema:schema33.properties.spec.properties.r.properties.packages,data:data27};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
}
else {
const err77 = {instancePath:instancePath+"/spec/r",schemaPath:"#/properties/spec/properties/r/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.r.type,parentSchema:schema33.properties.spec.properties.r,data:data25};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data9.julia !== undefined){
let data29 = data9.julia;
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
if(data29.registry === undefined){
const err78 = {instancePath:instancePath+"/spec/julia",schemaPath:"#/properties/spec/properties/julia/required",keyword:"required",params:{missingProperty: "registry"},message:"must have required property '"+"registry"+"'",schema:schema33.properties.spec.properties.julia.required,parentSchema:schema33.properties.spec.properties.julia,data:data29};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
if(data29.packages === undefined){
const err79 = {instancePath:instancePath+"/spec/julia",schemaPath:"#/properties/spec/properties/julia/required",keyword:"required",params:{missingProperty: "packages"},message:"must have required property '"+"packages"+"'",schema:schema33.properties.spec.properties.julia.required,parentSchema:schema33.properties.spec.properties.julia,data:data29};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
for(const key8 in data29){
if(!((key8 === "registry") || (key8 === "packages"))){
const err80 = {instancePath:instancePath+"/spec/julia",schemaPath:"#/properties/spec/properties/julia/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.julia,data:data29};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data29.registry !== undefined){
let data30 = data29.registry;
if(typeof data30 === "string"){
if(func1(data30) > 2048){
const err81 = {instancePath:instancePath+"/spec/julia/registry",schemaPath:"#/properties/spec/properties/julia/properties/registry/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters",schema:2048,parentSchema:schema33.properties.spec.properties.julia.properties.registry,data:data30};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
if(!pattern49.test(data30)){
const err82 = {instancePath:instancePath+"/spec/julia/registry",schemaPath:"#/properties/spec/properties/julia/properties/registry/pattern",keyword:"pattern",params:{pattern: "^(https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?|git\\+file://(/[A-Za-z0-9._~%+-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?|git\\+https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?)$"},message:"must match pattern \""+"^(https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?|git\\+file://(/[A-Za-z0-9._~%+-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?|git\\+https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?)$"+"\"",schema:"^(https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?|git\\+file://(/[A-Za-z0-9._~%+-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?|git\\+https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?)$",parentSchema:schema33.properties.spec.properties.julia.properties.registry,data:data30};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
else {
const err83 = {instancePath:instancePath+"/spec/julia/registry",schemaPath:"#/properties/spec/properties/julia/properties/registry/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.julia.properties.registry.type,parentSchema:schema33.properties.spec.properties.julia.properties.registry,data:data30};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data29.packages !== undefined){
let data31 = data29.packages;
if(Array.isArray(data31)){
if(data31.length > 500){
const err84 = {instancePath:instancePath+"/spec/julia/packages",schemaPath:"#/properties/spec/properties/julia/properties/packages/maxItems",keyword:"maxItems",params:{limit: 500},message:"must NOT have more than 500 items",schema:500,parentSchema:schema33.properties.spec.properties.julia.properties.packages,data:data31};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
const len2 = data31.length;
for(let i4=0; i4<len2; i4++){
let data32 = data31[i4];
if(typeof data32 === "string"){
if(!pattern50.test(data32)){
const err85 = {instancePath:instancePath+"/spec/julia/packages/" + i4,schemaPath:"#/properties/spec/properties/julia/properties/packages/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_]{0,127}==(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_]{0,127}==(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_]{0,127}==(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$",parentSchema:schema33.properties.spec.properties.julia.properties.packages.items,data:data32};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
else {
const err86 = {instancePath:instancePath+"/spec/julia/packages/" + i4,schemaPath:"#/properties/spec/properties/julia/properties/packages/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.julia.properties.packages.items.type,parentSchema:schema33.properties.spec.properties.julia.properties.packages.items,data:data32};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
let i5 = data31.length;
let j2;
if(i5 > 1){
const indices2 = {};
for(;i5--;){
let item2 = data31[i5];
if(typeof item2 !== "string"){
continue;
}
if(typeof indices2[item2] == "number"){
j2 = indices2[item2];
const err87 = {instancePath:instancePath+"/spec/julia/packages",schemaPath:"#/properties/spec/properties/julia/properties/packages/uniqueItems",keyword:"uniqueItems",params:{i: i5, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i5+" are identical)",schema:true,parentSchema:schema33.properties.spec.properties.julia.properties.packages,data:data31};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
break;
}
indices2[item2] = i5;
}
}
}
else {
const err88 = {instancePath:instancePath+"/spec/julia/packages",schemaPath:"#/properties/spec/properties/julia/properties/packages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.properties.spec.properties.julia.properties.packages.type,parentSchema:schema33.properties.spec.properties.julia.properties.packages,data:data31};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
}
else {
const err89 = {instancePath:instancePath+"/spec/julia",schemaPath:"#/properties/spec/properties/julia/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.julia.type,parentSchema:schema33.properties.spec.properties.julia,data:data29};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data9.kernels !== undefined){
let data33 = data9.kernels;
if(Array.isArray(data33)){
const len3 = data33.length;
for(let i6=0; i6<len3; i6++){
let data34 = data33[i6];
if(typeof data34 === "string"){
if(!pattern20.test(data34)){
const err90 = {instancePath:instancePath+"/spec/kernels/" + i6,schemaPath:"#/properties/spec/properties/kernels/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]{0,63}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]{0,63}$"+"\"",schema:"^[a-z0-9][a-z0-9._-]{0,63}$",parentSchema:schema33.properties.spec.properties.kernels.items,data:data34};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
else {
const err91 = {instancePath:instancePath+"/spec/kernels/" + i6,schemaPath:"#/properties/spec/properties/kernels/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.kernels.items.type,parentSchema:schema33.properties.spec.properties.kernels.items,data:data34};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
let i7 = data33.length;
let j3;
if(i7 > 1){
const indices3 = {};
for(;i7--;){
let item3 = data33[i7];
if(typeof item3 !== "string"){
continue;
}
if(typeof indices3[item3] == "number"){
j3 = indices3[item3];
const err92 = {instancePath:instancePath+"/spec/kernels",schemaPath:"#/properties/spec/properties/kernels/uniqueItems",keyword:"uniqueItems",params:{i: i7, j: j3},message:"must NOT have duplicate items (items ## "+j3+" and "+i7+" are identical)",schema:true,parentSchema:schema33.properties.spec.properties.kernels,data:data33};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
break;
}
indices3[item3] = i7;
}
}
}
else {
const err93 = {instancePath:instancePath+"/spec/kernels",schemaPath:"#/properties/spec/properties/kernels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.properties.spec.properties.kernels.type,parentSchema:schema33.properties.spec.properties.kernels,data:data33};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data9.jupyterConfig !== undefined){
let data35 = data9.jupyterConfig;
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
for(const key9 in data35){
const _errs82 = errors;
const _errs83 = errors;
const _errs84 = errors;
if(typeof key9 === "string"){
if(!pattern6.test(key9)){
const err94 = {};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
var valid23 = _errs84 === errors;
if(valid23){
const err95 = {instancePath:instancePath+"/spec/jupyterConfig",schemaPath:"#/properties/spec/properties/jupyterConfig/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema33.properties.spec.properties.jupyterConfig.propertyNames.not,parentSchema:schema33.properties.spec.properties.jupyterConfig.propertyNames,data:key9,propertyName:key9};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
else {
errors = _errs83;
if(vErrors !== null){
if(_errs83){
vErrors.length = _errs83;
}
else {
vErrors = null;
}
}
}
if(typeof key9 === "string"){
if(!pattern24.test(key9)){
const err96 = {instancePath:instancePath+"/spec/jupyterConfig",schemaPath:"#/properties/spec/properties/jupyterConfig/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$",parentSchema:schema33.properties.spec.properties.jupyterConfig.propertyNames,data:key9,propertyName:key9};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
var valid22 = _errs82 === errors;
if(!valid22){
const err97 = {instancePath:instancePath+"/spec/jupyterConfig",schemaPath:"#/properties/spec/properties/jupyterConfig/propertyNames",keyword:"propertyNames",params:{propertyName: key9},message:"property name must be valid",schema:schema33.properties.spec.properties.jupyterConfig.propertyNames,parentSchema:schema33.properties.spec.properties.jupyterConfig,data:data35};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
for(const key10 in data35){
let data36 = data35[key10];
if((((typeof data36 != "object") && (typeof data36 !== "string")) && (!((typeof data36 == "number") && (isFinite(data36))))) && (typeof data36 !== "boolean")){
const err98 = {instancePath:instancePath+"/spec/jupyterConfig/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/jupyterConfig/additionalProperties/type",keyword:"type",params:{type: schema33.properties.spec.properties.jupyterConfig.additionalProperties.type},message:"must be string,number,boolean,array,object,null",schema:schema33.properties.spec.properties.jupyterConfig.additionalProperties.type,parentSchema:schema33.properties.spec.properties.jupyterConfig.additionalProperties,data:data36};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
}
else {
const err99 = {instancePath:instancePath+"/spec/jupyterConfig",schemaPath:"#/properties/spec/properties/jupyterConfig/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.jupyterConfig.type,parentSchema:schema33.properties.spec.properties.jupyterConfig,data:data35};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data9.mounts !== undefined){
let data37 = data9.mounts;
if(Array.isArray(data37)){
const len4 = data37.length;
for(let i8=0; i8<len4; i8++){
let data38 = data37[i8];
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
if(data38.dataset === undefined){
const err100 = {instancePath:instancePath+"/spec/mounts/" + i8,schemaPath:"#/properties/spec/properties/mounts/items/required",keyword:"required",params:{missingProperty: "dataset"},message:"must have required property '"+"dataset"+"'",schema:schema33.properties.spec.properties.mounts.items.required,parentSchema:schema33.properties.spec.properties.mounts.items,data:data38};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
if(data38.path === undefined){
const err101 = {instancePath:instancePath+"/spec/mounts/" + i8,schemaPath:"#/properties/spec/properties/mounts/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema33.properties.spec.properties.mounts.items.required,parentSchema:schema33.properties.spec.properties.mounts.items,data:data38};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
for(const key11 in data38){
if(!(((key11 === "dataset") || (key11 === "path")) || (key11 === "readOnly"))){
const err102 = {instancePath:instancePath+"/spec/mounts/" + i8,schemaPath:"#/properties/spec/properties/mounts/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.mounts.items,data:data38};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
if(data38.dataset !== undefined){
let data39 = data38.dataset;
if(typeof data39 === "string"){
if(!pattern4.test(data39)){
const err103 = {instancePath:instancePath+"/spec/mounts/" + i8+"/dataset",schemaPath:"#/properties/spec/properties/mounts/items/properties/dataset/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema33.properties.spec.properties.mounts.items.properties.dataset,data:data39};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
else {
const err104 = {instancePath:instancePath+"/spec/mounts/" + i8+"/dataset",schemaPath:"#/properties/spec/properties/mounts/items/properties/dataset/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.mounts.items.properties.dataset.type,parentSchema:schema33.properties.spec.properties.mounts.items.properties.dataset,data:data39};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
if(data38.path !== undefined){
let data40 = data38.path;
if(typeof data40 === "string"){
if(!pattern26.test(data40)){
const err105 = {instancePath:instancePath+"/spec/mounts/" + i8+"/path",schemaPath:"#/properties/spec/properties/mounts/items/properties/path/pattern",keyword:"pattern",params:{pattern: "^/data(/[A-Za-z0-9._-]+)+$"},message:"must match pattern \""+"^/data(/[A-Za-z0-9._-]+)+$"+"\"",schema:"^/data(/[A-Za-z0-9._-]+)+$",parentSchema:schema33.properties.spec.properties.mounts.items.properties.path,data:data40};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
else {
const err106 = {instancePath:instancePath+"/spec/mounts/" + i8+"/path",schemaPath:"#/properties/spec/properties/mounts/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.mounts.items.properties.path.type,parentSchema:schema33.properties.spec.properties.mounts.items.properties.path,data:data40};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
if(data38.readOnly !== undefined){
let data41 = data38.readOnly;
if(typeof data41 !== "boolean"){
const err107 = {instancePath:instancePath+"/spec/mounts/" + i8+"/readOnly",schemaPath:"#/properties/spec/properties/mounts/items/properties/readOnly/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema33.properties.spec.properties.mounts.items.properties.readOnly.type,parentSchema:schema33.properties.spec.properties.mounts.items.properties.readOnly,data:data41};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
}
else {
const err108 = {instancePath:instancePath+"/spec/mounts/" + i8,schemaPath:"#/properties/spec/properties/mounts/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.mounts.items.type,parentSchema:schema33.properties.spec.properties.mounts.items,data:data38};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
}
else {
const err109 = {instancePath:instancePath+"/spec/mounts",schemaPath:"#/properties/spec/properties/mounts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.properties.spec.properties.mounts.type,parentSchema:schema33.properties.spec.properties.mounts,data:data37};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
if(data9.schedule !== undefined){
let data42 = data9.schedule;
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
for(const key12 in data42){
if(!((key12 === "idleShutdownMinutes") || (key12 === "hoursPerWeek"))){
const err110 = {instancePath:instancePath+"/spec/schedule",schemaPath:"#/properties/spec/properties/schedule/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.schedule,data:data42};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
if(data42.idleShutdownMinutes !== undefined){
let data43 = data42.idleShutdownMinutes;
if(!(((typeof data43 == "number") && (!(data43 % 1) && !isNaN(data43))) && (isFinite(data43)))){
const err111 = {instancePath:instancePath+"/spec/schedule/idleShutdownMinutes",schemaPath:"#/properties/spec/properties/schedule/properties/idleShutdownMinutes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.spec.properties.schedule.properties.idleShutdownMinutes.type,parentSchema:schema33.properties.spec.properties.schedule.properties.idleShutdownMinutes,data:data43};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
if((typeof data43 == "number") && (isFinite(data43))){
if(data43 > 10080 || isNaN(data43)){
const err112 = {instancePath:instancePath+"/spec/schedule/idleShutdownMinutes",schemaPath:"#/properties/spec/properties/schedule/properties/idleShutdownMinutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10080},message:"must be <= 10080",schema:10080,parentSchema:schema33.properties.spec.properties.schedule.properties.idleShutdownMinutes,data:data43};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
if(data43 < 0 || isNaN(data43)){
const err113 = {instancePath:instancePath+"/spec/schedule/idleShutdownMinutes",schemaPath:"#/properties/spec/properties/schedule/properties/idleShutdownMinutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.spec.properties.schedule.properties.idleShutdownMinutes,data:data43};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
}
if(data42.hoursPerWeek !== undefined){
let data44 = data42.hoursPerWeek;
if((typeof data44 == "number") && (isFinite(data44))){
if(data44 > 168 || isNaN(data44)){
const err114 = {instancePath:instancePath+"/spec/schedule/hoursPerWeek",schemaPath:"#/properties/spec/properties/schedule/properties/hoursPerWeek/maximum",keyword:"maximum",params:{comparison: "<=", limit: 168},message:"must be <= 168",schema:168,parentSchema:schema33.properties.spec.properties.schedule.properties.hoursPerWeek,data:data44};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
if(data44 < 0 || isNaN(data44)){
const err115 = {instancePath:instancePath+"/spec/schedule/hoursPerWeek",schemaPath:"#/properties/spec/properties/schedule/properties/hoursPerWeek/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.spec.properties.schedule.properties.hoursPerWeek,data:data44};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
else {
const err116 = {instancePath:instancePath+"/spec/schedule/hoursPerWeek",schemaPath:"#/properties/spec/properties/schedule/properties/hoursPerWeek/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema33.properties.spec.properties.schedule.properties.hoursPerWeek.type,parentSchema:schema33.properties.spec.properties.schedule.properties.hoursPerWeek,data:data44};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
}
else {
const err117 = {instancePath:instancePath+"/spec/schedule",schemaPath:"#/properties/spec/properties/schedule/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.schedule.type,parentSchema:schema33.properties.spec.properties.schedule,data:data42};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
if(data9.drift !== undefined){
let data45 = data9.drift;
if(data45 && typeof data45 == "object" && !Array.isArray(data45)){
for(const key13 in data45){
if(!(key13 === "policy")){
const err118 = {instancePath:instancePath+"/spec/drift",schemaPath:"#/properties/spec/properties/drift/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.drift,data:data45};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
if(data45.policy !== undefined){
let data46 = data45.policy;
if(typeof data46 !== "string"){
const err119 = {instancePath:instancePath+"/spec/drift/policy",schemaPath:"#/properties/spec/properties/drift/properties/policy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.drift.properties.policy.type,parentSchema:schema33.properties.spec.properties.drift.properties.policy,data:data46};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
if(!(((data46 === "pr") || (data46 === "revert")) || (data46 === "alert"))){
const err120 = {instancePath:instancePath+"/spec/drift/policy",schemaPath:"#/properties/spec/properties/drift/properties/policy/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.drift.properties.policy.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.drift.properties.policy.enum,parentSchema:schema33.properties.spec.properties.drift.properties.policy,data:data46};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
}
else {
const err121 = {instancePath:instancePath+"/spec/drift",schemaPath:"#/properties/spec/properties/drift/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.drift.type,parentSchema:schema33.properties.spec.properties.drift,data:data45};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
if(data9.snapshots !== undefined){
let data47 = data9.snapshots;
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
if(data47.schedule === undefined){
const err122 = {instancePath:instancePath+"/spec/snapshots",schemaPath:"#/properties/spec/properties/snapshots/required",keyword:"required",params:{missingProperty: "schedule"},message:"must have required property '"+"schedule"+"'",schema:schema33.properties.spec.properties.snapshots.required,parentSchema:schema33.properties.spec.properties.snapshots,data:data47};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
for(const key14 in data47){
if(!((((key14 === "schedule") || (key14 === "keep")) || (key14 === "include")) || (key14 === "paused"))){
const err123 = {instancePath:instancePath+"/spec/snapshots",schemaPath:"#/properties/spec/properties/snapshots/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.snapshots,data:data47};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
if(data47.schedule !== undefined){
let data48 = data47.schedule;
if(typeof data48 === "string"){
if(func1(data48) > 100){
const err124 = {instancePath:instancePath+"/spec/snapshots/schedule",schemaPath:"#/properties/spec/properties/snapshots/properties/schedule/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema33.properties.spec.properties.snapshots.properties.schedule,data:data48};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
if(func1(data48) < 1){
const err125 = {instancePath:instancePath+"/spec/snapshots/schedule",schemaPath:"#/properties/spec/properties/snapshots/properties/schedule/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33.properties.spec.properties.snapshots.properties.schedule,data:data48};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
else {
const err126 = {instancePath:instancePath+"/spec/snapshots/schedule",schemaPath:"#/properties/spec/properties/snapshots/properties/schedule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.snapshots.properties.schedule.type,parentSchema:schema33.properties.spec.properties.snapshots.properties.schedule,data:data48};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
if(data47.keep !== undefined){
let data49 = data47.keep;
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
for(const key15 in data49){
if(!(((key15 === "daily") || (key15 === "weekly")) || (key15 === "monthly"))){
const err127 = {instancePath:instancePath+"/spec/snapshots/keep",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.snapshots.properties.keep,data:data49};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
if(data49.daily !== undefined){
let data50 = data49.daily;
if(!(((typeof data50 == "number") && (!(data50 % 1) && !isNaN(data50))) && (isFinite(data50)))){
const err128 = {instancePath:instancePath+"/spec/snapshots/keep/daily",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/daily/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.spec.properties.snapshots.properties.keep.properties.daily.type,parentSchema:schema33.properties.spec.properties.snapshots.properties.keep.properties.daily,data:data50};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
if((typeof data50 == "number") && (isFinite(data50))){
if(data50 > 1000 || isNaN(data50)){
const err129 = {instancePath:instancePath+"/spec/snapshots/keep/daily",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/daily/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema33.properties.spec.properties.snapshots.properties.keep.properties.daily,data:data50};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
if(data50 < 0 || isNaN(data50)){
const err130 = {instancePath:instancePath+"/spec/snapshots/keep/daily",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/daily/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.spec.properties.snapshots.properties.keep.properties.daily,data:data50};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
}
if(data49.weekly !== undefined){
let data51 = data49.weekly;
if(!(((typeof data51 == "number") && (!(data51 % 1) && !isNaN(data51))) && (isFinite(data51)))){
const err131 = {instancePath:instancePath+"/spec/snapshots/keep/weekly",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/weekly/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.spec.properties.snapshots.properties.keep.properties.weekly.type,parentSchema:schema33.properties.spec.properties.snapshots.properties.keep.properties.weekly,data:data51};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
if((typeof data51 == "number") && (isFinite(data51))){
if(data51 > 1000 || isNaN(data51)){
const err132 = {instancePath:instancePath+"/spec/snapshots/keep/weekly",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/weekly/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema33.properties.spec.properties.snapshots.properties.keep.properties.weekly,data:data51};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
if(data51 < 0 || isNaN(data51)){
const err133 = {instancePath:instancePath+"/spec/snapshots/keep/weekly",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/weekly/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.spec.properties.snapshots.properties.keep.properties.weekly,data:data51};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
}
if(data49.monthly !== undefined){
let data52 = data49.monthly;
if(!(((typeof data52 == "number") && (!(data52 % 1) && !isNaN(data52))) && (isFinite(data52)))){
const err134 = {instancePath:instancePath+"/spec/snapshots/keep/monthly",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/monthly/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.spec.properties.snapshots.properties.keep.properties.monthly.type,parentSchema:schema33.properties.spec.properties.snapshots.properties.keep.properties.monthly,data:data52};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
if((typeof data52 == "number") && (isFinite(data52))){
if(data52 > 1000 || isNaN(data52)){
const err135 = {instancePath:instancePath+"/spec/snapshots/keep/monthly",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/monthly/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema33.properties.spec.properties.snapshots.properties.keep.properties.monthly,data:data52};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
if(data52 < 0 || isNaN(data52)){
const err136 = {instancePath:instancePath+"/spec/snapshots/keep/monthly",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/monthly/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.spec.properties.snapshots.properties.keep.properties.monthly,data:data52};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
}
}
else {
const err137 = {instancePath:instancePath+"/spec/snapshots/keep",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.snapshots.properties.keep.type,parentSchema:schema33.properties.spec.properties.snapshots.properties.keep,data:data49};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
if(data47.include !== undefined){
let data53 = data47.include;
if(data53 && typeof data53 == "object" && !Array.isArray(data53)){
for(const key16 in data53){
if(!((key16 === "packages") || (key16 === "home"))){
const err138 = {instancePath:instancePath+"/spec/snapshots/include",schemaPath:"#/properties/spec/properties/snapshots/properties/include/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.snapshots.properties.include,data:data53};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
if(data53.packages !== undefined){
let data54 = data53.packages;
if(typeof data54 !== "boolean"){
const err139 = {instancePath:instancePath+"/spec/snapshots/include/packages",schemaPath:"#/properties/spec/properties/snapshots/properties/include/properties/packages/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema33.properties.spec.properties.snapshots.properties.include.properties.packages.type,parentSchema:schema33.properties.spec.properties.snapshots.properties.include.properties.packages,data:data54};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
if(data53.home !== undefined){
let data55 = data53.home;
if(typeof data55 !== "boolean"){
const err140 = {instancePath:instancePath+"/spec/snapshots/include/home",schemaPath:"#/properties/spec/properties/snapshots/properties/include/properties/home/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema33.properties.spec.properties.snapshots.properties.include.properties.home.type,parentSchema:schema33.properties.spec.properties.snapshots.properties.include.properties.home,data:data55};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
}
}
else {
const err141 = {instancePath:instancePath+"/spec/snapshots/include",schemaPath:"#/properties/spec/properties/snapshots/properties/include/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.snapshots.properties.include.type,parentSchema:schema33.properties.spec.properties.snapshots.properties.include,data:data53};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
if(data47.paused !== undefined){
let data56 = data47.paused;
if(typeof data56 !== "boolean"){
const err142 = {instancePath:instancePath+"/spec/snapshots/paused",schemaPath:"#/properties/spec/properties/snapshots/properties/paused/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema33.properties.spec.properties.snapshots.properties.paused.type,parentSchema:schema33.properties.spec.properties.snapshots.properties.paused,data:data56};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
}
else {
const err143 = {instancePath:instancePath+"/spec/snapshots",schemaPath:"#/properties/spec/properties/snapshots/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.snapshots.type,parentSchema:schema33.properties.spec.properties.snapshots,data:data47};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
}
else {
const err144 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.type,parentSchema:schema33.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
}
else {
const err145 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const EnvironmentLock = validate23;
const schema34 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://labenv.westtek.io/schemas/v1/environment-lock.schema.json","title":"EnvironmentLock","description":"The exact, resolved environment: image (repository and digest), Python version and every package version. Generated by `labenv lock` and committed next to `environment.yaml`; restoring from it years later gives identical package versions. Do not edit by hand: every check (`labenv lock --check`, `labenv validate`, the reconciler, the GitHub App) rejects a lock that `labenv lock` would not write, naming the field (`lock-edited`).","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"labenv.westtek.io/v1","description":"The labenv document format version. Always `labenv.westtek.io/v1`."},"kind":{"const":"EnvironmentLock","description":"The document kind: `EnvironmentLock`."},"metadata":{"type":"object","additionalProperties":false,"required":["name","lab"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The environment's name. Must equal the directory name: `environments/<lab>/<name>/`."},"lab":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The lab that owns this environment. Must equal the directory name: `environments/<lab>/`."},"labels":{"type":"object","description":"Free-form labels for grouping and search. Keys must not look like secrets: labenv never stores credentials in Git.","propertyNames":{"pattern":"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$","not":{"pattern":"[Pp][Aa][Ss][Ss][Ww]([Oo][Rr])?[Dd]|[Ss][Ee][Cc][Rr][Ee][Tt]|[Tt][Oo][Kk][Ee][Nn]|[Aa][Pp][Ii][-_]?[Kk][Ee][Yy]|[Pp][Rr][Ii][Vv][Aa][Tt][Ee][-_]?[Kk][Ee][Yy]|[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll]|[Aa][Cc][Cc][Ee][Ss][Ss][-_]?[Kk][Ee][Yy]"}},"additionalProperties":{"type":"string","maxLength":256}}}},"spec":{"type":"object","additionalProperties":false,"required":["lockVersion","inputDigest","domainPack","image","python","packages","kernels","extensions","jupyterConfig"],"properties":{"lockVersion":{"const":1,"description":"The lockfile format version."},"inputDigest":{"type":"string","pattern":"^sha256:[a-f0-9]{64}$","description":"A digest of the canonical inputs (environment spec and pack checksum). It tells a hand edit (`lock-edited`: the inputs are as recorded, yet a field disagrees) from a changed environment.yaml or pack (`lock-stale`); it is never trusted on its own: every check proves each field against its source."},"domainPack":{"type":"object","additionalProperties":false,"required":["name","version","checksum"],"description":"The resolved domain pack.","properties":{"name":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"A lower-case name that is safe as a path segment and a DNS label: letters, digits and inner hyphens, at most 63 characters."},"version":{"type":"string","description":"The exact pack version (semver)."},"checksum":{"type":"string","pattern":"^sha256:[a-f0-9]{64}$","description":"The checksum of the pack version's canonical content, as in `domain-packs/registry.yaml`."}}},"image":{"type":"string","pattern":"^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._/-][a-z0-9]+)*)*@sha256:[a-f0-9]{64}$","description":"A container image pinned by digest (`registry/repo@sha256:<64 hex>`). Tags are not accepted: a tag can move, a digest cannot."},"python":{"type":"string","pattern":"^3\\.[0-9]{1,2}\\.[0-9]{1,2}$","description":"An exact CPython version, e.g. `3.11.9`."},"excludeNewer":{"type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$","description":"The resolution cut-off (UTC): the packages labenv resolved (every one the pack does not pin) were taken as the index stood then, from each file's upload time. Written when `labenv lock --exclude-newer` or the lab's `minimumReleaseAgeDays` set one; absent when the newest releases were taken."},"packages":{"type":"array","description":"Every Python package, sorted by name, with its exact version and where the requirement came from.","items":{"type":"object","additionalProperties":false,"required":["name","version","source"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$","description":"A Python distribution name normalized per PEP 503 (lower case, runs of `-`, `_`, `.` written as one `-`)."},"version":{"type":"string","minLength":1,"maxLength":64,"description":"The exact PEP 440 version."},"source":{"type":"string","enum":["pack","environment","dependency"],"description":"`pack`: pinned by the domain pack; `environment`: asked for in environment.yaml; `dependency`: required by another locked package."},"sha256":{"type":"string","pattern":"^[a-f0-9]{64}$","description":"The sha256 of the file to install for the image's platform (for `pip install --require-hashes`), whenever the package index knows it; absent when it does not. Must equal the index's."},"requestedAs":{"type":"string","maxLength":512,"description":"The requirement as written in environment.yaml."}}}},"r":{"type":"object","additionalProperties":false,"required":["repository","packages"],"description":"The R packages the image has beyond R itself, when environment.yaml asks for any (`spec.r`): the pack's and every one installed from the snapshot repository, each exact.","properties":{"repository":{"type":"string","maxLength":2048,"pattern":"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?$","description":"The snapshot repository they are installed from."},"packages":{"type":"array","description":"Sorted by name.","items":{"type":"object","additionalProperties":false,"required":["name","version","source"],"properties":{"name":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9.]{0,127}$","description":"The package name as CRAN spells it."},"version":{"type":"string","minLength":1,"maxLength":64,"description":"The exact version, as the repository's PACKAGES index writes it."},"source":{"type":"string","enum":["pack","environment","dependency"],"description":"`pack`: in the pack image (`provides.r`); `environment`: asked for in environment.yaml; `dependency`: required by another (Depends, Imports, LinkingTo)."},"md5":{"type":"string","pattern":"^[a-f0-9]{32}$","description":"The source package's MD5 sum in the repository's PACKAGES index; the build refuses a download that differs."}}}}}},"julia":{"type":"object","additionalProperties":false,"required":["registry","julia","packages","stdlibs"],"description":"The Julia packages the image instantiates, when environment.yaml asks for any (`spec.julia`): every pin and dependency, each exact with its uuid and git-tree-sha1, from which the build context's Project.toml and Manifest.toml are written.","properties":{"registry":{"type":"string","maxLength":2048,"pattern":"^(https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?|git\\+file://(/[A-Za-z0-9._~%+-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?|git\\+https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?)$","description":"The registry they were resolved against (as environment.yaml gives it, without trailing slashes)."},"registryCommit":{"type":"string","pattern":"^[0-9a-f]{40}$","description":"For a git registry (`git+…`): the commit its files were read at. `labenv lock` reads the registry at this commit again until `--upgrade`, so a re-lock resolves against the same registry."},"julia":{"type":"string","pattern":"^[0-9]+\\.[0-9]+\\.[0-9]+$","description":"The pack's Julia version the compat ranges were checked against."},"packages":{"type":"array","maxItems":500,"description":"Sorted by name.","items":{"type":"object","additionalProperties":false,"required":["name","uuid","version","gitTreeSha1","source","deps"],"properties":{"name":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9_]{0,127}$","description":"The package name as the registry spells it."},"uuid":{"type":"string","pattern":"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$","description":"The package's uuid in the registry."},"version":{"type":"string","pattern":"^[0-9]+\\.[0-9]+\\.[0-9]+$","description":"The exact version, a key of the registry's Versions.toml."},"gitTreeSha1":{"type":"string","pattern":"^[0-9a-f]{40}$","description":"The registry's git-tree-sha1 of that version: Pkg refuses a download whose tree differs."},"source":{"type":"string","enum":["environment","dependency"],"description":"`environment`: pinned in environment.yaml; `dependency`: needed by another (Deps.toml)."},"deps":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9_]{0,127}$"},"description":"Its dependencies at this version, by name (packages and standard libraries)."}}}},"stdlibs":{"type":"array","description":"Julia's standard libraries the packages need (not in the registry), sorted by name.","items":{"type":"object","additionalProperties":false,"required":["name","uuid"],"properties":{"name":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9_]{0,127}$","description":"The standard library's name."},"uuid":{"type":"string","pattern":"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$","description":"Its uuid, as Deps.toml gives it."}}}}}},"kernels":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["name","language"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,63}$","description":"The kernelspec name Jupyter uses (`python3`, `ir`, `julia-1.10`)."},"language":{"type":"string","enum":["python","R","julia"],"description":"The kernel's language."},"displayName":{"type":"string","maxLength":128,"description":"The name shown in JupyterLab's launcher."},"version":{"type":"string","maxLength":32,"description":"The language runtime version the kernel runs (R 4.4.1, Julia 1.10.5)."}}},"description":"The kernels the environment offers."},"extensions":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["name","version"],"properties":{"name":{"type":"string","pattern":"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$","description":"The JupyterLab extension's npm package name."},"version":{"type":"string","pattern":"^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$","description":"The exact extension version."}}},"description":"JupyterLab extensions with exact versions."},"jupyterConfig":{"type":"array","description":"A hash of each Jupyter config value, so drift in settings is detected without copying values into the lock.","items":{"type":"object","additionalProperties":false,"required":["key","sha256"],"properties":{"key":{"type":"string","description":"The setting, `Section.option` or a config file path."},"sha256":{"type":"string","pattern":"^[a-f0-9]{64}$","description":"sha256 of the setting's canonical JSON value (or of the file's bytes)."}}}},"resources":{"type":"object","additionalProperties":false,"required":["cpu","memory"],"description":"Compute and storage for the Jupyter task.","properties":{"cpu":{"type":"integer","enum":[256,512,1024,2048,4096,8192,16384],"description":"Fargate CPU units (1024 = 1 vCPU). Each value allows only certain memory sizes; `labenv validate` checks the pair."},"memory":{"type":"integer","minimum":512,"maximum":122880,"description":"Memory in MiB. Must be a size Fargate offers for the chosen cpu (e.g. cpu 1024 allows 2048–8192 in steps of 1024)."},"storageGiB":{"type":"integer","minimum":1,"maximum":16384,"description":"Size in GiB of the EBS volume mounted at `/opt/jupyter` (installed packages and kernels)."}}}}}}};
const pattern65 = new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$", "u");
const pattern67 = new RegExp("^[a-f0-9]{64}$", "u");
const pattern70 = new RegExp("^[a-f0-9]{32}$", "u");
const pattern72 = new RegExp("^[0-9a-f]{40}$", "u");
const pattern73 = new RegExp("^[0-9]+\\.[0-9]+\\.[0-9]+$", "u");
const pattern74 = new RegExp("^[A-Za-z][A-Za-z0-9_]{0,127}$", "u");
const pattern75 = new RegExp("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", "u");

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://labenv.westtek.io/schemas/v1/environment-lock.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("labenv.westtek.io/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "labenv.westtek.io/v1"},message:"must be equal to constant",schema:"labenv.westtek.io/v1",parentSchema:schema34.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("EnvironmentLock" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "EnvironmentLock"},message:"must be equal to constant",schema:"EnvironmentLock",parentSchema:schema34.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema34.properties.metadata.required,parentSchema:schema34.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data2.lab === undefined){
const err8 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "lab"},message:"must have required property '"+"lab"+"'",schema:schema34.properties.metadata.required,parentSchema:schema34.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key1 in data2){
if(!(((key1 === "name") || (key1 === "lab")) || (key1 === "labels"))){
const err9 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err10 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema34.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.metadata.properties.name.type,parentSchema:schema34.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.lab !== undefined){
let data4 = data2.lab;
if(typeof data4 === "string"){
if(!pattern4.test(data4)){
const err12 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema34.properties.metadata.properties.lab,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.metadata.properties.lab.type,parentSchema:schema34.properties.metadata.properties.lab,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data2.labels !== undefined){
let data5 = data2.labels;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key2 in data5){
const _errs13 = errors;
const _errs14 = errors;
const _errs15 = errors;
if(typeof key2 === "string"){
if(!pattern6.test(key2)){
const err14 = {};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var valid3 = _errs15 === errors;
if(valid3){
const err15 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema34.properties.metadata.properties.labels.propertyNames.not,parentSchema:schema34.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
}
if(typeof key2 === "string"){
if(!pattern7.test(key2)){
const err16 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"},message:"must match pattern \""+"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"+"\"",schema:"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$",parentSchema:schema34.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var valid2 = _errs13 === errors;
if(!valid2){
const err17 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema34.properties.metadata.properties.labels.propertyNames,parentSchema:schema34.properties.metadata.properties.labels,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
for(const key3 in data5){
let data6 = data5[key3];
if(typeof data6 === "string"){
if(func1(data6) > 256){
const err18 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema34.properties.metadata.properties.labels.additionalProperties,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.metadata.properties.labels.additionalProperties.type,parentSchema:schema34.properties.metadata.properties.labels.additionalProperties,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.metadata.properties.labels.type,parentSchema:schema34.properties.metadata.properties.labels,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.metadata.type,parentSchema:schema34.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.spec !== undefined){
let data7 = data.spec;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.lockVersion === undefined){
const err22 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "lockVersion"},message:"must have required property '"+"lockVersion"+"'",schema:schema34.properties.spec.required,parentSchema:schema34.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data7.inputDigest === undefined){
const err23 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "inputDigest"},message:"must have required property '"+"inputDigest"+"'",schema:schema34.properties.spec.required,parentSchema:schema34.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data7.domainPack === undefined){
const err24 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "domainPack"},message:"must have required property '"+"domainPack"+"'",schema:schema34.properties.spec.required,parentSchema:schema34.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data7.image === undefined){
const err25 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "image"},message:"must have required property '"+"image"+"'",schema:schema34.properties.spec.required,parentSchema:schema34.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data7.python === undefined){
const err26 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "python"},message:"must have required property '"+"python"+"'",schema:schema34.properties.spec.required,parentSchema:schema34.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data7.packages === undefined){
const err27 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "packages"},message:"must have required property '"+"packages"+"'",schema:schema34.properties.spec.required,parentSchema:schema34.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data7.kernels === undefined){
const err28 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "kernels"},message:"must have required property '"+"kernels"+"'",schema:schema34.properties.spec.required,parentSchema:schema34.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data7.extensions === undefined){
const err29 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "extensions"},message:"must have required property '"+"extensions"+"'",schema:schema34.properties.spec.required,parentSchema:schema34.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data7.jupyterConfig === undefined){
const err30 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "jupyterConfig"},message:"must have required property '"+"jupyterConfig"+"'",schema:schema34.properties.spec.required,parentSchema:schema34.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
for(const key4 in data7){
if(!(func2.call(schema34.properties.spec.properties, key4))){
const err31 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data7.lockVersion !== undefined){
let data8 = data7.lockVersion;
if(1 !== data8){
const err32 = {instancePath:instancePath+"/spec/lockVersion",schemaPath:"#/properties/spec/properties/lockVersion/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema34.properties.spec.properties.lockVersion,data:data8};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data7.inputDigest !== undefined){
let data9 = data7.inputDigest;
if(typeof data9 === "string"){
if(!pattern10.test(data9)){
const err33 = {instancePath:instancePath+"/spec/inputDigest",schemaPath:"#/properties/spec/properties/inputDigest/pattern",keyword:"pattern",params:{pattern: "^sha256:[a-f0-9]{64}$"},message:"must match pattern \""+"^sha256:[a-f0-9]{64}$"+"\"",schema:"^sha256:[a-f0-9]{64}$",parentSchema:schema34.properties.spec.properties.inputDigest,data:data9};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/spec/inputDigest",schemaPath:"#/properties/spec/properties/inputDigest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.inputDigest.type,parentSchema:schema34.properties.spec.properties.inputDigest,data:data9};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data7.domainPack !== undefined){
let data10 = data7.domainPack;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.name === undefined){
const err35 = {instancePath:instancePath+"/spec/domainPack",schemaPath:"#/properties/spec/properties/domainPack/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema34.properties.spec.properties.domainPack.required,parentSchema:schema34.properties.spec.properties.domainPack,data:data10};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data10.version === undefined){
const err36 = {instancePath:instancePath+"/spec/domainPack",schemaPath:"#/properties/spec/properties/domainPack/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema34.properties.spec.properties.domainPack.required,parentSchema:schema34.properties.spec.properties.domainPack,data:data10};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(data10.checksum === undefined){
const err37 = {instancePath:instancePath+"/spec/domainPack",schemaPath:"#/properties/spec/properties/domainPack/required",keyword:"required",params:{missingProperty: "checksum"},message:"must have required property '"+"checksum"+"'",schema:schema34.properties.spec.properties.domainPack.required,parentSchema:schema34.properties.spec.properties.domainPack,data:data10};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
for(const key5 in data10){
if(!(((key5 === "name") || (key5 === "version")) || (key5 === "checksum"))){
const err38 = {instancePath:instancePath+"/spec/domainPack",schemaPath:"#/properties/spec/properties/domainPack/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec.properties.domainPack,data:data10};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data10.name !== undefined){
let data11 = data10.name;
if(typeof data11 === "string"){
if(!pattern4.test(data11)){
const err39 = {instancePath:instancePath+"/spec/domainPack/name",schemaPath:"#/properties/spec/properties/domainPack/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema34.properties.spec.properties.domainPack.properties.name,data:data11};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/spec/domainPack/name",schemaPath:"#/properties/spec/properties/domainPack/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.domainPack.properties.name.type,parentSchema:schema34.properties.spec.properties.domainPack.properties.name,data:data11};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data10.version !== undefined){
let data12 = data10.version;
if(typeof data12 !== "string"){
const err41 = {instancePath:instancePath+"/spec/domainPack/version",schemaPath:"#/properties/spec/properties/domainPack/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.domainPack.properties.version.type,parentSchema:schema34.properties.spec.properties.domainPack.properties.version,data:data12};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data10.checksum !== undefined){
let data13 = data10.checksum;
if(typeof data13 === "string"){
if(!pattern10.test(data13)){
const err42 = {instancePath:instancePath+"/spec/domainPack/checksum",schemaPath:"#/properties/spec/properties/domainPack/properties/checksum/pattern",keyword:"pattern",params:{pattern: "^sha256:[a-f0-9]{64}$"},message:"must match pattern \""+"^sha256:[a-f0-9]{64}$"+"\"",schema:"^sha256:[a-f0-9]{64}$",parentSchema:schema34.properties.spec.properties.domainPack.properties.checksum,data:data13};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/spec/domainPack/checksum",schemaPath:"#/properties/spec/properties/domainPack/properties/checksum/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.domainPack.properties.checksum.type,parentSchema:schema34.properties.spec.properties.domainPack.properties.checksum,data:data13};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/spec/domainPack",schemaPath:"#/properties/spec/properties/domainPack/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.properties.domainPack.type,parentSchema:schema34.properties.spec.properties.domainPack,data:data10};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data7.image !== undefined){
let data14 = data7.image;
if(typeof data14 === "string"){
if(!pattern12.test(data14)){
const err45 = {instancePath:instancePath+"/spec/image",schemaPath:"#/properties/spec/properties/image/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._/-][a-z0-9]+)*)*@sha256:[a-f0-9]{64}$"},message:"must match pattern \""+"^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._/-][a-z0-9]+)*)*@sha256:[a-f0-9]{64}$"+"\"",schema:"^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._/-][a-z0-9]+)*)*@sha256:[a-f0-9]{64}$",parentSchema:schema34.properties.spec.properties.image,data:data14};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
else {
const err46 = {instancePath:instancePath+"/spec/image",schemaPath:"#/properties/spec/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.image.type,parentSchema:schema34.properties.spec.properties.image,data:data14};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data7.python !== undefined){
let data15 = data7.python;
if(typeof data15 === "string"){
if(!pattern13.test(data15)){
const err47 = {instancePath:instancePath+"/spec/python",schemaPath:"#/properties/spec/properties/python/pattern",keyword:"pattern",params:{pattern: "^3\\.[0-9]{1,2}\\.[0-9]{1,2}$"},message:"must match pattern \""+"^3\\.[0-9]{1,2}\\.[0-9]{1,2}$"+"\"",schema:"^3\\.[0-9]{1,2}\\.[0-9]{1,2}$",parentSchema:schema34.properties.spec.properties.python,data:data15};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
else {
const err48 = {instancePath:instancePath+"/spec/python",schemaPath:"#/properties/spec/properties/python/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.python.type,parentSchema:schema34.properties.spec.properties.python,data:data15};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data7.excludeNewer !== undefined){
let data16 = data7.excludeNewer;
if(typeof data16 === "string"){
if(!pattern65.test(data16)){
const err49 = {instancePath:instancePath+"/spec/excludeNewer",schemaPath:"#/properties/spec/properties/excludeNewer/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$"+"\"",schema:"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$",parentSchema:schema34.properties.spec.properties.excludeNewer,data:data16};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
else {
const err50 = {instancePath:instancePath+"/spec/excludeNewer",schemaPath:"#/properties/spec/properties/excludeNewer/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.excludeNewer.type,parentSchema:schema34.properties.spec.properties.excludeNewer,data:data16};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data7.packages !== undefined){
let data17 = data7.packages;
if(Array.isArray(data17)){
const len0 = data17.length;
for(let i0=0; i0<len0; i0++){
let data18 = data17[i0];
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(data18.name === undefined){
const err51 = {instancePath:instancePath+"/spec/packages/" + i0,schemaPath:"#/properties/spec/properties/packages/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema34.properties.spec.properties.packages.items.required,parentSchema:schema34.properties.spec.properties.packages.items,data:data18};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if(data18.version === undefined){
const err52 = {instancePath:instancePath+"/spec/packages/" + i0,schemaPath:"#/properties/spec/properties/packages/items/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema34.properties.spec.properties.packages.items.required,parentSchema:schema34.properties.spec.properties.packages.items,data:data18};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(data18.source === undefined){
const err53 = {instancePath:instancePath+"/spec/packages/" + i0,schemaPath:"#/properties/spec/properties/packages/items/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema34.properties.spec.properties.packages.items.required,parentSchema:schema34.properties.spec.properties.packages.items,data:data18};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
for(const key6 in data18){
if(!(((((key6 === "name") || (key6 === "version")) || (key6 === "source")) || (key6 === "sha256")) || (key6 === "requestedAs"))){
const err54 = {instancePath:instancePath+"/spec/packages/" + i0,schemaPath:"#/properties/spec/properties/packages/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec.properties.packages.items,data:data18};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data18.name !== undefined){
let data19 = data18.name;
if(typeof data19 === "string"){
if(!pattern14.test(data19)){
const err55 = {instancePath:instancePath+"/spec/packages/" + i0+"/name",schemaPath:"#/properties/spec/properties/packages/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",parentSchema:schema34.properties.spec.properties.packages.items.properties.name,data:data19};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
else {
const err56 = {instancePath:instancePath+"/spec/packages/" + i0+"/name",schemaPath:"#/properties/spec/properties/packages/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.packages.items.properties.name.type,parentSchema:schema34.properties.spec.properties.packages.items.properties.name,data:data19};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data18.version !== undefined){
let data20 = data18.version;
if(typeof data20 === "string"){
if(func1(data20) > 64){
const err57 = {instancePath:instancePath+"/spec/packages/" + i0+"/version",schemaPath:"#/properties/spec/properties/packages/items/properties/version/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema34.properties.spec.properties.packages.items.properties.version,data:data20};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if(func1(data20) < 1){
const err58 = {instancePath:instancePath+"/spec/packages/" + i0+"/version",schemaPath:"#/properties/spec/properties/packages/items/properties/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema34.properties.spec.properties.packages.items.properties.version,data:data20};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/spec/packages/" + i0+"/version",schemaPath:"#/properties/spec/properties/packages/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.packages.items.properties.version.type,parentSchema:schema34.properties.spec.properties.packages.items.properties.version,data:data20};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data18.source !== undefined){
let data21 = data18.source;
if(typeof data21 !== "string"){
const err60 = {instancePath:instancePath+"/spec/packages/" + i0+"/source",schemaPath:"#/properties/spec/properties/packages/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.packages.items.properties.source.type,parentSchema:schema34.properties.spec.properties.packages.items.properties.source,data:data21};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(!(((data21 === "pack") || (data21 === "environment")) || (data21 === "dependency"))){
const err61 = {instancePath:instancePath+"/spec/packages/" + i0+"/source",schemaPath:"#/properties/spec/properties/packages/items/properties/source/enum",keyword:"enum",params:{allowedValues: schema34.properties.spec.properties.packages.items.properties.source.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.spec.properties.packages.items.properties.source.enum,parentSchema:schema34.properties.spec.properties.packages.items.properties.source,data:data21};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data18.sha256 !== undefined){
let data22 = data18.sha256;
if(typeof data22 === "string"){
if(!pattern67.test(data22)){
const err62 = {instancePath:instancePath+"/spec/packages/" + i0+"/sha256",schemaPath:"#/properties/spec/properties/packages/items/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[a-f0-9]{64}$"},message:"must match pattern \""+"^[a-f0-9]{64}$"+"\"",schema:"^[a-f0-9]{64}$",parentSchema:schema34.properties.spec.properties.packages.items.properties.sha256,data:data22};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
else {
const err63 = {instancePath:instancePath+"/spec/packages/" + i0+"/sha256",schemaPath:"#/properties/spec/properties/packages/items/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.packages.items.properties.sha256.type,parentSchema:schema34.properties.spec.properties.packages.items.properties.sha256,data:data22};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data18.requestedAs !== undefined){
let data23 = data18.requestedAs;
if(typeof data23 === "string"){
if(func1(data23) > 512){
const err64 = {instancePath:instancePath+"/spec/packages/" + i0+"/requestedAs",schemaPath:"#/properties/spec/properties/packages/items/properties/requestedAs/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters",schema:512,parentSchema:schema34.properties.spec.properties.packages.items.properties.requestedAs,data:data23};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
else {
const err65 = {instancePath:instancePath+"/spec/packages/" + i0+"/requestedAs",schemaPath:"#/properties/spec/properties/packages/items/properties/requestedAs/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.packages.items.properties.requestedAs.type,parentSchema:schema34.properties.spec.properties.packages.items.properties.requestedAs,data:data23};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
else {
const err66 = {instancePath:instancePath+"/spec/packages/" + i0,schemaPath:"#/properties/spec/properties/packages/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.properties.packages.items.type,parentSchema:schema34.properties.spec.properties.packages.items,data:data18};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
}
else {
const err67 = {instancePath:instancePath+"/spec/packages",schemaPath:"#/properties/spec/properties/packages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.spec.properties.packages.type,parentSchema:schema34.properties.spec.properties.packages,data:data17};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data7.r !== undefined){
let data24 = data7.r;
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
if(data24.repository === undefined){
const err68 = {instancePath:instancePath+"/spec/r",schemaPath:"#/properties/spec/properties/r/required",keyword:"required",params:{missingProperty: "repository"},message:"must have required property '"+"repository"+"'",schema:schema34.properties.spec.properties.r.required,parentSchema:schema34.properties.spec.properties.r,data:data24};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
if(data24.packages === undefined){
const err69 = {instancePath:instancePath+"/spec/r",schemaPath:"#/properties/spec/properties/r/required",keyword:"required",params:{missingProperty: "packages"},message:"must have required property '"+"packages"+"'",schema:schema34.properties.spec.properties.r.required,parentSchema:schema34.properties.spec.properties.r,data:data24};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
for(const key7 in data24){
if(!((key7 === "repository") || (key7 === "packages"))){
const err70 = {instancePath:instancePath+"/spec/r",schemaPath:"#/properties/spec/properties/r/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec.properties.r,data:data24};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data24.repository !== undefined){
let data25 = data24.repository;
if(typeof data25 === "string"){
if(func1(data25) > 2048){
const err71 = {instancePath:instancePath+"/spec/r/repository",schemaPath:"#/properties/spec/properties/r/properties/repository/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters",schema:2048,parentSchema:schema34.properties.spec.properties.r.properties.repository,data:data25};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(!pattern47.test(data25)){
const err72 = {instancePath:instancePath+"/spec/r/repository",schemaPath:"#/properties/spec/properties/r/properties/repository/pattern",keyword:"pattern",params:{pattern: "^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?$"},message:"must match pattern \""+"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?$"+"\"",schema:"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?$",parentSchema:schema34.properties.spec.properties.r.properties.repository,data:data25};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
else {
const err73 = {instancePath:instancePath+"/spec/r/repository",schemaPath:"#/properties/spec/properties/r/properties/repository/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.r.properties.repository.type,parentSchema:schema34.properties.spec.properties.r.properties.repository,data:data25};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data24.packages !== undefined){
let data26 = data24.packages;
if(Array.isArray(data26)){
const len1 = data26.length;
for(let i1=0; i1<len1; i1++){
let data27 = data26[i1];
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.name === undefined){
const err74 = {instancePath:instancePath+"/spec/r/packages/" + i1,schemaPath:"#/properties/spec/properties/r/properties/packages/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema34.properties.spec.properties.r.properties.packages.items.required,parentSchema:schema34.properties.spec.properties.r.properties.packages.items,data:data27};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if(data27.version === undefined){
const err75 = {instancePath:instancePath+"/spec/r/packages/" + i1,schemaPath:"#/properties/spec/properties/r/properties/packages/items/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema34.properties.spec.properties.r.properties.packages.items.required,parentSchema:schema34.properties.spec.properties.r.properties.packages.items,data:data27};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if(data27.source === undefined){
const err76 = {instancePath:instancePath+"/spec/r/packages/" + i1,schemaPath:"#/properties/spec/properties/r/properties/packages/items/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema34.properties.spec.properties.r.properties.packages.items.required,parentSchema:schema34.properties.spec.properties.r.properties.packages.items,data:data27};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
for(const key8 in data27){
if(!((((key8 === "name") || (key8 === "version")) || (key8 === "source")) || (key8 === "md5"))){
const err77 = {instancePath:instancePath+"/spec/r/packages/" + i1,schemaPath:"#/properties/spec/properties/r/properties/packages/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec.properties.r.properties.packages.items,data:data27};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data27.name !== undefined){
let data28 = data27.name;
if(typeof data28 === "string"){
if(!pattern18.test(data28)){
const err78 = {instancePath:instancePath+"/spec/r/packages/" + i1+"/name",schemaPath:"#/properties/spec/properties/r/properties/packages/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9.]{0,127}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9.]{0,127}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9.]{0,127}$",parentSchema:schema34.properties.spec.properties.r.properties.packages.items.properties.name,data:data28};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
else {
const err79 = {instancePath:instancePath+"/spec/r/packages/" + i1+"/name",schemaPath:"#/properties/spec/properties/r/properties/packages/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.r.properties.packages.items.properties.name.type,parentSchema:schema34.properties.spec.properties.r.properties.packages.items.properties.name,data:data28};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data27.version !== undefined){
let data29 = data27.version;
if(typeof data29 === "string"){
if(func1(data29) > 64){
const err80 = {instancePath:instancePath+"/spec/r/packages/" + i1+"/version",schemaPath:"#/properties/spec/properties/r/properties/packages/items/properties/version/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema34.properties.spec.properties.r.properties.packages.items.properties.version,data:data29};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
if(func1(data29) < 1){
const err81 = {instancePath:instancePath+"/spec/r/packages/" + i1+"/version",schemaPath:"#/properties/spec/properties/r/properties/packages/items/properties/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema34.properties.spec.properties.r.properties.packages.items.properties.version,data:data29};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
else {
const err82 = {instancePath:instancePath+"/spec/r/packages/" + i1+"/version",schemaPath:"#/properties/spec/properties/r/properties/packages/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.r.properties.packages.items.properties.version.type,parentSchema:schema34.properties.spec.properties.r.properties.packages.items.properties.version,data:data29};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
if(data27.source !== undefined){
let data30 = data27.source;
if(typeof data30 !== "string"){
const err83 = {instancePath:instancePath+"/spec/r/packages/" + i1+"/source",schemaPath:"#/properties/spec/properties/r/properties/packages/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.r.properties.packages.items.properties.source.type,parentSchema:schema34.properties.spec.properties.r.properties.packages.items.properties.source,data:data30};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
if(!(((data30 === "pack") || (data30 === "environment")) || (data30 === "dependency"))){
const err84 = {instancePath:instancePath+"/spec/r/packages/" + i1+"/source",schemaPath:"#/properties/spec/properties/r/properties/packages/items/properties/source/enum",keyword:"enum",params:{allowedValues: schema34.properties.spec.properties.r.properties.packages.items.properties.source.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.spec.properties.r.properties.packages.items.properties.source.enum,parentSchema:schema34.properties.spec.properties.r.properties.packages.items.properties.source,data:data30};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data27.md5 !== undefined){
let data31 = data27.md5;
if(typeof data31 === "string"){
if(!pattern70.test(data31)){
const err85 = {instancePath:instancePath+"/spec/r/packages/" + i1+"/md5",schemaPath:"#/properties/spec/properties/r/properties/packages/items/properties/md5/pattern",keyword:"pattern",params:{pattern: "^[a-f0-9]{32}$"},message:"must match pattern \""+"^[a-f0-9]{32}$"+"\"",schema:"^[a-f0-9]{32}$",parentSchema:schema34.properties.spec.properties.r.properties.packages.items.properties.md5,data:data31};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
else {
const err86 = {instancePath:instancePath+"/spec/r/packages/" + i1+"/md5",schemaPath:"#/properties/spec/properties/r/properties/packages/items/properties/md5/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.r.properties.packages.items.properties.md5.type,parentSchema:schema34.properties.spec.properties.r.properties.packages.items.properties.md5,data:data31};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
}
else {
const err87 = {instancePath:instancePath+"/spec/r/packages/" + i1,schemaPath:"#/properties/spec/properties/r/properties/packages/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.properties.r.properties.packages.items.type,parentSchema:schema34.properties.spec.properties.r.properties.packages.items,data:data27};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
}
else {
const err88 = {instancePath:instancePath+"/spec/r/packages",schemaPath:"#/properties/spec/properties/r/properties/packages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.spec.properties.r.properties.packages.type,parentSchema:schema34.properties.spec.properties.r.properties.packages,data:data26};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
}
else {
const err89 = {instancePath:instancePath+"/spec/r",schemaPath:"#/properties/spec/properties/r/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.properties.r.type,parentSchema:schema34.properties.spec.properties.r,data:data24};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data7.julia !== undefined){
let data32 = data7.julia;
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(data32.registry === undefined){
const err90 = {instancePath:instancePath+"/spec/julia",schemaPath:"#/properties/spec/properties/julia/required",keyword:"required",params:{missingProperty: "registry"},message:"must have required property '"+"registry"+"'",schema:schema34.properties.spec.properties.julia.required,parentSchema:schema34.properties.spec.properties.julia,data:data32};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(data32.julia === undefined){
const err91 = {instancePath:instancePath+"/spec/julia",schemaPath:"#/properties/spec/properties/julia/required",keyword:"required",params:{missingProperty: "julia"},message:"must have required property '"+"julia"+"'",schema:schema34.properties.spec.properties.julia.required,parentSchema:schema34.properties.spec.properties.julia,data:data32};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
if(data32.packages === undefined){
const err92 = {instancePath:instancePath+"/spec/julia",schemaPath:"#/properties/spec/properties/julia/required",keyword:"required",params:{missingProperty: "packages"},message:"must have required property '"+"packages"+"'",schema:schema34.properties.spec.properties.julia.required,parentSchema:schema34.properties.spec.properties.julia,data:data32};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
if(data32.stdlibs === undefined){
const err93 = {instancePath:instancePath+"/spec/julia",schemaPath:"#/properties/spec/properties/julia/required",keyword:"required",params:{missingProperty: "stdlibs"},message:"must have required property '"+"stdlibs"+"'",schema:schema34.properties.spec.properties.julia.required,parentSchema:schema34.properties.spec.properties.julia,data:data32};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
for(const key9 in data32){
if(!(((((key9 === "registry") || (key9 === "registryCommit")) || (key9 === "julia")) || (key9 === "packages")) || (key9 === "stdlibs"))){
const err94 = {instancePath:instancePath+"/spec/julia",schemaPath:"#/properties/spec/properties/julia/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec.properties.julia,data:data32};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data32.registry !== undefined){
let data33 = data32.registry;
if(typeof data33 === "string"){
if(func1(data33) > 2048){
const err95 = {instancePath:instancePath+"/spec/julia/registry",schemaPath:"#/properties/spec/properties/julia/properties/registry/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters",schema:2048,parentSchema:schema34.properties.spec.properties.julia.properties.registry,data:data33};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
if(!pattern49.test(data33)){
const err96 = {instancePath:instancePath+"/spec/julia/registry",schemaPath:"#/properties/spec/properties/julia/properties/registry/pattern",keyword:"pattern",params:{pattern: "^(https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?|git\\+file://(/[A-Za-z0-9._~%+-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?|git\\+https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?)$"},message:"must match pattern \""+"^(https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?|git\\+file://(/[A-Za-z0-9._~%+-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?|git\\+https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?)$"+"\"",schema:"^(https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?|git\\+file://(/[A-Za-z0-9._~%+-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?|git\\+https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)+/?(#[A-Za-z0-9_][A-Za-z0-9._/-]{0,254})?)$",parentSchema:schema34.properties.spec.properties.julia.properties.registry,data:data33};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
else {
const err97 = {instancePath:instancePath+"/spec/julia/registry",schemaPath:"#/properties/spec/properties/julia/properties/registry/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.julia.properties.registry.type,parentSchema:schema34.properties.spec.properties.julia.properties.registry,data:data33};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
if(data32.registryCommit !== undefined){
let data34 = data32.registryCommit;
if(typeof data34 === "string"){
if(!pattern72.test(data34)){
const err98 = {instancePath:instancePath+"/spec/julia/registryCommit",schemaPath:"#/properties/spec/properties/julia/properties/registryCommit/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{40}$"},message:"must match pattern \""+"^[0-9a-f]{40}$"+"\"",schema:"^[0-9a-f]{40}$",parentSchema:schema34.properties.spec.properties.julia.properties.registryCommit,data:data34};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
else {
const err99 = {instancePath:instancePath+"/spec/julia/registryCommit",schemaPath:"#/properties/spec/properties/julia/properties/registryCommit/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.julia.properties.registryCommit.type,parentSchema:schema34.properties.spec.properties.julia.properties.registryCommit,data:data34};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data32.julia !== undefined){
let data35 = data32.julia;
if(typeof data35 === "string"){
if(!pattern73.test(data35)){
const err100 = {instancePath:instancePath+"/spec/julia/julia",schemaPath:"#/properties/spec/properties/julia/properties/julia/pattern",keyword:"pattern",params:{pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+$"},message:"must match pattern \""+"^[0-9]+\\.[0-9]+\\.[0-9]+$"+"\"",schema:"^[0-9]+\\.[0-9]+\\.[0-9]+$",parentSchema:schema34.properties.spec.properties.julia.properties.julia,data:data35};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
else {
const err101 = {instancePath:instancePath+"/spec/julia/julia",schemaPath:"#/properties/spec/properties/julia/properties/julia/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.julia.properties.julia.type,parentSchema:schema34.properties.spec.properties.julia.properties.julia,data:data35};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
if(data32.packages !== undefined){
let data36 = data32.packages;
if(Array.isArray(data36)){
if(data36.length > 500){
const err102 = {instancePath:instancePath+"/spec/julia/packages",schemaPath:"#/properties/spec/properties/julia/properties/packages/maxItems",keyword:"maxItems",params:{limit: 500},message:"must NOT have more than 500 items",schema:500,parentSchema:schema34.properties.spec.properties.julia.properties.packages,data:data36};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
const len2 = data36.length;
for(let i2=0; i2<len2; i2++){
let data37 = data36[i2];
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
if(data37.name === undefined){
const err103 = {instancePath:instancePath+"/spec/julia/packages/" + i2,schemaPath:"#/properties/spec/properties/julia/properties/packages/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema34.properties.spec.properties.julia.properties.packages.items.required,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items,data:data37};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
if(data37.uuid === undefined){
const err104 = {instancePath:instancePath+"/spec/julia/packages/" + i2,schemaPath:"#/properties/spec/properties/julia/properties/packages/items/required",keyword:"required",params:{missingProperty: "uuid"},message:"must have required property '"+"uuid"+"'",schema:schema34.properties.spec.properties.julia.properties.packages.items.required,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items,data:data37};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
if(data37.version === undefined){
const err105 = {instancePath:instancePath+"/spec/julia/packages/" + i2,schemaPath:"#/properties/spec/properties/julia/properties/packages/items/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema34.properties.spec.properties.julia.properties.packages.items.required,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items,data:data37};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
if(data37.gitTreeSha1 === undefined){
const err106 = {instancePath:instancePath+"/spec/julia/packages/" + i2,schemaPath:"#/properties/spec/properties/julia/properties/packages/items/required",keyword:"required",params:{missingProperty: "gitTreeSha1"},message:"must have required property '"+"gitTreeSha1"+"'",schema:schema34.properties.spec.properties.julia.properties.packages.items.required,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items,data:data37};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
if(data37.source === undefined){
const err107 = {instancePath:instancePath+"/spec/julia/packages/" + i2,schemaPath:"#/properties/spec/properties/julia/properties/packages/items/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema34.properties.spec.properties.julia.properties.packages.items.required,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items,data:data37};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
if(data37.deps === undefined){
const err108 = {instancePath:instancePath+"/spec/julia/packages/" + i2,schemaPath:"#/properties/spec/properties/julia/properties/packages/items/required",keyword:"required",params:{missingProperty: "deps"},message:"must have required property '"+"deps"+"'",schema:schema34.properties.spec.properties.julia.properties.packages.items.required,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items,data:data37};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
for(const key10 in data37){
if(!((((((key10 === "name") || (key10 === "uuid")) || (key10 === "version")) || (key10 === "gitTreeSha1")) || (key10 === "source")) || (key10 === "deps"))){
const err109 = {instancePath:instancePath+"/spec/julia/packages/" + i2,schemaPath:"#/properties/spec/properties/julia/properties/packages/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items,data:data37};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
if(data37.name !== undefined){
let data38 = data37.name;
if(typeof data38 === "string"){
if(!pattern74.test(data38)){
const err110 = {instancePath:instancePath+"/spec/julia/packages/" + i2+"/name",schemaPath:"#/properties/spec/properties/julia/properties/packages/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_]{0,127}$",parentSchema:schema34.properties.spec.properties.julia.properties.packages.items.properties.name,data:data38};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
else {
const err111 = {instancePath:instancePath+"/spec/julia/packages/" + i2+"/name",schemaPath:"#/properties/spec/properties/julia/properties/packages/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.julia.properties.packages.items.properties.name.type,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items.properties.name,data:data38};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
if(data37.uuid !== undefined){
let data39 = data37.uuid;
if(typeof data39 === "string"){
if(!pattern75.test(data39)){
const err112 = {instancePath:instancePath+"/spec/julia/packages/" + i2+"/uuid",schemaPath:"#/properties/spec/properties/julia/properties/packages/items/properties/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"},message:"must match pattern \""+"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"+"\"",schema:"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",parentSchema:schema34.properties.spec.properties.julia.properties.packages.items.properties.uuid,data:data39};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
else {
const err113 = {instancePath:instancePath+"/spec/julia/packages/" + i2+"/uuid",schemaPath:"#/properties/spec/properties/julia/properties/packages/items/properties/uuid/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.julia.properties.packages.items.properties.uuid.type,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items.properties.uuid,data:data39};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
if(data37.version !== undefined){
let data40 = data37.version;
if(typeof data40 === "string"){
if(!pattern73.test(data40)){
const err114 = {instancePath:instancePath+"/spec/julia/packages/" + i2+"/version",schemaPath:"#/properties/spec/properties/julia/properties/packages/items/properties/version/pattern",keyword:"pattern",params:{pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+$"},message:"must match pattern \""+"^[0-9]+\\.[0-9]+\\.[0-9]+$"+"\"",schema:"^[0-9]+\\.[0-9]+\\.[0-9]+$",parentSchema:schema34.properties.spec.properties.julia.properties.packages.items.properties.version,data:data40};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
else {
const err115 = {instancePath:instancePath+"/spec/julia/packages/" + i2+"/version",schemaPath:"#/properties/spec/properties/julia/properties/packages/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.julia.properties.packages.items.properties.version.type,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items.properties.version,data:data40};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
if(data37.gitTreeSha1 !== undefined){
let data41 = data37.gitTreeSha1;
if(typeof data41 === "string"){
if(!pattern72.test(data41)){
const err116 = {instancePath:instancePath+"/spec/julia/packages/" + i2+"/gitTreeSha1",schemaPath:"#/properties/spec/properties/julia/properties/packages/items/properties/gitTreeSha1/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{40}$"},message:"must match pattern \""+"^[0-9a-f]{40}$"+"\"",schema:"^[0-9a-f]{40}$",parentSchema:schema34.properties.spec.properties.julia.properties.packages.items.properties.gitTreeSha1,data:data41};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
else {
const err117 = {instancePath:instancePath+"/spec/julia/packages/" + i2+"/gitTreeSha1",schemaPath:"#/properties/spec/properties/julia/properties/packages/items/properties/gitTreeSha1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.julia.properties.packages.items.properties.gitTreeSha1.type,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items.properties.gitTreeSha1,data:data41};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
if(data37.source !== undefined){
let data42 = data37.source;
if(typeof data42 !== "string"){
const err118 = {instancePath:instancePath+"/spec/julia/packages/" + i2+"/source",schemaPath:"#/properties/spec/properties/julia/properties/packages/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.julia.properties.packages.items.properties.source.type,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items.properties.source,data:data42};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
if(!((data42 === "environment") || (data42 === "dependency"))){
const err119 = {instancePath:instancePath+"/spec/julia/packages/" + i2+"/source",schemaPath:"#/properties/spec/properties/julia/properties/packages/items/properties/source/enum",keyword:"enum",params:{allowedValues: schema34.properties.spec.properties.julia.properties.packages.items.properties.source.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.spec.properties.julia.properties.packages.items.properties.source.enum,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items.properties.source,data:data42};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
if(data37.deps !== undefined){
let data43 = data37.deps;
if(Array.isArray(data43)){
const len3 = data43.length;
for(let i3=0; i3<len3; i3++){
let data44 = data43[i3];
if(typeof data44 === "string"){
if(!pattern74.test(data44)){
const err120 = {instancePath:instancePath+"/spec/julia/packages/" + i2+"/deps/" + i3,schemaPath:"#/properties/spec/properties/julia/properties/packages/items/properties/deps/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_]{0,127}$",parentSchema:schema34.properties.spec.properties.julia.properties.packages.items.properties.deps.items,data:data44};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
else {
const err121 = {instancePath:instancePath+"/spec/julia/packages/" + i2+"/deps/" + i3,schemaPath:"#/properties/spec/properties/julia/properties/packages/items/properties/deps/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.julia.properties.packages.items.properties.deps.items.type,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items.properties.deps.items,data:data44};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
}
else {
const err122 = {instancePath:instancePath+"/spec/julia/packages/" + i2+"/deps",schemaPath:"#/properties/spec/properties/julia/properties/packages/items/properties/deps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.spec.properties.julia.properties.packages.items.properties.deps.type,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items.properties.deps,data:data43};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
}
else {
const err123 = {instancePath:instancePath+"/spec/julia/packages/" + i2,schemaPath:"#/properties/spec/properties/julia/properties/packages/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.properties.julia.properties.packages.items.type,parentSchema:schema34.properties.spec.properties.julia.properties.packages.items,data:data37};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
}
else {
const err124 = {instancePath:instancePath+"/spec/julia/packages",schemaPath:"#/properties/spec/properties/julia/properties/packages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.spec.properties.julia.properties.packages.type,parentSchema:schema34.properties.spec.properties.julia.properties.packages,data:data36};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
if(data32.stdlibs !== undefined){
let data45 = data32.stdlibs;
if(Array.isArray(data45)){
const len4 = data45.length;
for(let i4=0; i4<len4; i4++){
let data46 = data45[i4];
if(data46 && typeof data46 == "object" && !Array.isArray(data46)){
if(data46.name === undefined){
const err125 = {instancePath:instancePath+"/spec/julia/stdlibs/" + i4,schemaPath:"#/properties/spec/properties/julia/properties/stdlibs/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema34.properties.spec.properties.julia.properties.stdlibs.items.required,parentSchema:schema34.properties.spec.properties.julia.properties.stdlibs.items,data:data46};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
if(data46.uuid === undefined){
const err126 = {instancePath:instancePath+"/spec/julia/stdlibs/" + i4,schemaPath:"#/properties/spec/properties/julia/properties/stdlibs/items/required",keyword:"required",params:{missingProperty: "uuid"},message:"must have required property '"+"uuid"+"'",schema:schema34.properties.spec.properties.julia.properties.stdlibs.items.required,parentSchema:schema34.properties.spec.properties.julia.properties.stdlibs.items,data:data46};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
for(const key11 in data46){
if(!((key11 === "name") || (key11 === "uuid"))){
const err127 = {instancePath:instancePath+"/spec/julia/stdlibs/" + i4,schemaPath:"#/properties/spec/properties/julia/properties/stdlibs/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec.properties.julia.properties.stdlibs.items,data:data46};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
if(data46.name !== undefined){
let data47 = data46.name;
if(typeof data47 === "string"){
if(!pattern74.test(data47)){
const err128 = {instancePath:instancePath+"/spec/julia/stdlibs/" + i4+"/name",schemaPath:"#/properties/spec/properties/julia/properties/stdlibs/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_]{0,127}$",parentSchema:schema34.properties.spec.properties.julia.properties.stdlibs.items.properties.name,data:data47};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
else {
const err129 = {instancePath:instancePath+"/spec/julia/stdlibs/" + i4+"/name",schemaPath:"#/properties/spec/properties/julia/properties/stdlibs/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.julia.properties.stdlibs.items.properties.name.type,parentSchema:schema34.properties.spec.properties.julia.properties.stdlibs.items.properties.name,data:data47};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
if(data46.uuid !== undefined){
let data48 = data46.uuid;
if(typeof data48 === "string"){
if(!pattern75.test(data48)){
const err130 = {instancePath:instancePath+"/spec/julia/stdlibs/" + i4+"/uuid",schemaPath:"#/properties/spec/properties/julia/properties/stdlibs/items/properties/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"},message:"must match pattern \""+"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"+"\"",schema:"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",parentSchema:schema34.properties.spec.properties.julia.properties.stdlibs.items.properties.uuid,data:data48};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
else {
const err131 = {instancePath:instancePath+"/spec/julia/stdlibs/" + i4+"/uuid",schemaPath:"#/properties/spec/properties/julia/properties/stdlibs/items/properties/uuid/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.julia.properties.stdlibs.items.properties.uuid.type,parentSchema:schema34.properties.spec.properties.julia.properties.stdlibs.items.properties.uuid,data:data48};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
}
else {
const err132 = {instancePath:instancePath+"/spec/julia/stdlibs/" + i4,schemaPath:"#/properties/spec/properties/julia/properties/stdlibs/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.properties.julia.properties.stdlibs.items.type,parentSchema:schema34.properties.spec.properties.julia.properties.stdlibs.items,data:data46};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
}
else {
const err133 = {instancePath:instancePath+"/spec/julia/stdlibs",schemaPath:"#/properties/spec/properties/julia/properties/stdlibs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.spec.properties.julia.properties.stdlibs.type,parentSchema:schema34.properties.spec.properties.julia.properties.stdlibs,data:data45};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
}
else {
const err134 = {instancePath:instancePath+"/spec/julia",schemaPath:"#/properties/spec/properties/julia/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.properties.julia.type,parentSchema:schema34.properties.spec.properties.julia,data:data32};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
if(data7.kernels !== undefined){
let data49 = data7.kernels;
if(Array.isArray(data49)){
const len5 = data49.length;
for(let i5=0; i5<len5; i5++){
let data50 = data49[i5];
if(data50 && typeof data50 == "object" && !Array.isArray(data50)){
if(data50.name === undefined){
const err135 = {instancePath:instancePath+"/spec/kernels/" + i5,schemaPath:"#/properties/spec/properties/kernels/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema34.properties.spec.properties.kernels.items.required,parentSchema:schema34.properties.spec.properties.kernels.items,data:data50};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
if(data50.language === undefined){
const err136 = {instancePath:instancePath+"/spec/kernels/" + i5,schemaPath:"#/properties/spec/properties/kernels/items/required",keyword:"required",params:{missingProperty: "language"},message:"must have required property '"+"language"+"'",schema:schema34.properties.spec.properties.kernels.items.required,parentSchema:schema34.properties.spec.properties.kernels.items,data:data50};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
for(const key12 in data50){
if(!((((key12 === "name") || (key12 === "language")) || (key12 === "displayName")) || (key12 === "version"))){
const err137 = {instancePath:instancePath+"/spec/kernels/" + i5,schemaPath:"#/properties/spec/properties/kernels/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec.properties.kernels.items,data:data50};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
if(data50.name !== undefined){
let data51 = data50.name;
if(typeof data51 === "string"){
if(!pattern20.test(data51)){
const err138 = {instancePath:instancePath+"/spec/kernels/" + i5+"/name",schemaPath:"#/properties/spec/properties/kernels/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]{0,63}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]{0,63}$"+"\"",schema:"^[a-z0-9][a-z0-9._-]{0,63}$",parentSchema:schema34.properties.spec.properties.kernels.items.properties.name,data:data51};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
else {
const err139 = {instancePath:instancePath+"/spec/kernels/" + i5+"/name",schemaPath:"#/properties/spec/properties/kernels/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.kernels.items.properties.name.type,parentSchema:schema34.properties.spec.properties.kernels.items.properties.name,data:data51};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
if(data50.language !== undefined){
let data52 = data50.language;
if(typeof data52 !== "string"){
const err140 = {instancePath:instancePath+"/spec/kernels/" + i5+"/language",schemaPath:"#/properties/spec/properties/kernels/items/properties/language/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.kernels.items.properties.language.type,parentSchema:schema34.properties.spec.properties.kernels.items.properties.language,data:data52};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
if(!(((data52 === "python") || (data52 === "R")) || (data52 === "julia"))){
const err141 = {instancePath:instancePath+"/spec/kernels/" + i5+"/language",schemaPath:"#/properties/spec/properties/kernels/items/properties/language/enum",keyword:"enum",params:{allowedValues: schema34.properties.spec.properties.kernels.items.properties.language.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.spec.properties.kernels.items.properties.language.enum,parentSchema:schema34.properties.spec.properties.kernels.items.properties.language,data:data52};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
if(data50.displayName !== undefined){
let data53 = data50.displayName;
if(typeof data53 === "string"){
if(func1(data53) > 128){
const err142 = {instancePath:instancePath+"/spec/kernels/" + i5+"/displayName",schemaPath:"#/properties/spec/properties/kernels/items/properties/displayName/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema34.properties.spec.properties.kernels.items.properties.displayName,data:data53};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
else {
const err143 = {instancePath:instancePath+"/spec/kernels/" + i5+"/displayName",schemaPath:"#/properties/spec/properties/kernels/items/properties/displayName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.kernels.items.properties.displayName.type,parentSchema:schema34.properties.spec.properties.kernels.items.properties.displayName,data:data53};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
if(data50.version !== undefined){
let data54 = data50.version;
if(typeof data54 === "string"){
if(func1(data54) > 32){
const err144 = {instancePath:instancePath+"/spec/kernels/" + i5+"/version",schemaPath:"#/properties/spec/properties/kernels/items/properties/version/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema34.properties.spec.properties.kernels.items.properties.version,data:data54};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
else {
const err145 = {instancePath:instancePath+"/spec/kernels/" + i5+"/version",schemaPath:"#/properties/spec/properties/kernels/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.kernels.items.properties.version.type,parentSchema:schema34.properties.spec.properties.kernels.items.properties.version,data:data54};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
}
else {
const err146 = {instancePath:instancePath+"/spec/kernels/" + i5,schemaPath:"#/properties/spec/properties/kernels/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.properties.kernels.items.type,parentSchema:schema34.properties.spec.properties.kernels.items,data:data50};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
}
}
else {
const err147 = {instancePath:instancePath+"/spec/kernels",schemaPath:"#/properties/spec/properties/kernels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.spec.properties.kernels.type,parentSchema:schema34.properties.spec.properties.kernels,data:data49};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
if(data7.extensions !== undefined){
let data55 = data7.extensions;
if(Array.isArray(data55)){
const len6 = data55.length;
for(let i6=0; i6<len6; i6++){
let data56 = data55[i6];
if(data56 && typeof data56 == "object" && !Array.isArray(data56)){
if(data56.name === undefined){
const err148 = {instancePath:instancePath+"/spec/extensions/" + i6,schemaPath:"#/properties/spec/properties/extensions/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema34.properties.spec.properties.extensions.items.required,parentSchema:schema34.properties.spec.properties.extensions.items,data:data56};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
if(data56.version === undefined){
const err149 = {instancePath:instancePath+"/spec/extensions/" + i6,schemaPath:"#/properties/spec/properties/extensions/items/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema34.properties.spec.properties.extensions.items.required,parentSchema:schema34.properties.spec.properties.extensions.items,data:data56};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
for(const key13 in data56){
if(!((key13 === "name") || (key13 === "version"))){
const err150 = {instancePath:instancePath+"/spec/extensions/" + i6,schemaPath:"#/properties/spec/properties/extensions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec.properties.extensions.items,data:data56};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
}
if(data56.name !== undefined){
let data57 = data56.name;
if(typeof data57 === "string"){
if(!pattern21.test(data57)){
const err151 = {instancePath:instancePath+"/spec/extensions/" + i6+"/name",schemaPath:"#/properties/spec/properties/extensions/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$"},message:"must match pattern \""+"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$"+"\"",schema:"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$",parentSchema:schema34.properties.spec.properties.extensions.items.properties.name,data:data57};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
}
else {
const err152 = {instancePath:instancePath+"/spec/extensions/" + i6+"/name",schemaPath:"#/properties/spec/properties/extensions/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.extensions.items.properties.name.type,parentSchema:schema34.properties.spec.properties.extensions.items.properties.name,data:data57};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
if(data56.version !== undefined){
let data58 = data56.version;
if(typeof data58 === "string"){
if(!pattern22.test(data58)){
const err153 = {instancePath:instancePath+"/spec/extensions/" + i6+"/version",schemaPath:"#/properties/spec/properties/extensions/items/properties/version/pattern",keyword:"pattern",params:{pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$"},message:"must match pattern \""+"^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$"+"\"",schema:"^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$",parentSchema:schema34.properties.spec.properties.extensions.items.properties.version,data:data58};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
}
else {
const err154 = {instancePath:instancePath+"/spec/extensions/" + i6+"/version",schemaPath:"#/properties/spec/properties/extensions/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.extensions.items.properties.version.type,parentSchema:schema34.properties.spec.properties.extensions.items.properties.version,data:data58};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
}
}
else {
const err155 = {instancePath:instancePath+"/spec/extensions/" + i6,schemaPath:"#/properties/spec/properties/extensions/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.properties.extensions.items.type,parentSchema:schema34.properties.spec.properties.extensions.items,data:data56};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
}
else {
const err156 = {instancePath:instancePath+"/spec/extensions",schemaPath:"#/properties/spec/properties/extensions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.spec.properties.extensions.type,parentSchema:schema34.properties.spec.properties.extensions,data:data55};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
if(data7.jupyterConfig !== undefined){
let data59 = data7.jupyterConfig;
if(Array.isArray(data59)){
const len7 = data59.length;
for(let i7=0; i7<len7; i7++){
let data60 = data59[i7];
if(data60 && typeof data60 == "object" && !Array.isArray(data60)){
if(data60.key === undefined){
const err157 = {instancePath:instancePath+"/spec/jupyterConfig/" + i7,schemaPath:"#/properties/spec/properties/jupyterConfig/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema34.properties.spec.properties.jupyterConfig.items.required,parentSchema:schema34.properties.spec.properties.jupyterConfig.items,data:data60};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
if(data60.sha256 === undefined){
const err158 = {instancePath:instancePath+"/spec/jupyterConfig/" + i7,schemaPath:"#/properties/spec/properties/jupyterConfig/items/required",keyword:"required",params:{missingProperty: "sha256"},message:"must have required property '"+"sha256"+"'",schema:schema34.properties.spec.properties.jupyterConfig.items.required,parentSchema:schema34.properties.spec.properties.jupyterConfig.items,data:data60};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
for(const key14 in data60){
if(!((key14 === "key") || (key14 === "sha256"))){
const err159 = {instancePath:instancePath+"/spec/jupyterConfig/" + i7,schemaPath:"#/properties/spec/properties/jupyterConfig/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec.properties.jupyterConfig.items,data:data60};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
if(data60.key !== undefined){
let data61 = data60.key;
if(typeof data61 !== "string"){
const err160 = {instancePath:instancePath+"/spec/jupyterConfig/" + i7+"/key",schemaPath:"#/properties/spec/properties/jupyterConfig/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.jupyterConfig.items.properties.key.type,parentSchema:schema34.properties.spec.properties.jupyterConfig.items.properties.key,data:data61};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
}
if(data60.sha256 !== undefined){
let data62 = data60.sha256;
if(typeof data62 === "string"){
if(!pattern67.test(data62)){
const err161 = {instancePath:instancePath+"/spec/jupyterConfig/" + i7+"/sha256",schemaPath:"#/properties/spec/properties/jupyterConfig/items/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[a-f0-9]{64}$"},message:"must match pattern \""+"^[a-f0-9]{64}$"+"\"",schema:"^[a-f0-9]{64}$",parentSchema:schema34.properties.spec.properties.jupyterConfig.items.properties.sha256,data:data62};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
else {
const err162 = {instancePath:instancePath+"/spec/jupyterConfig/" + i7+"/sha256",schemaPath:"#/properties/spec/properties/jupyterConfig/items/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.jupyterConfig.items.properties.sha256.type,parentSchema:schema34.properties.spec.properties.jupyterConfig.items.properties.sha256,data:data62};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
}
else {
const err163 = {instancePath:instancePath+"/spec/jupyterConfig/" + i7,schemaPath:"#/properties/spec/properties/jupyterConfig/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.properties.jupyterConfig.items.type,parentSchema:schema34.properties.spec.properties.jupyterConfig.items,data:data60};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
}
}
else {
const err164 = {instancePath:instancePath+"/spec/jupyterConfig",schemaPath:"#/properties/spec/properties/jupyterConfig/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.spec.properties.jupyterConfig.type,parentSchema:schema34.properties.spec.properties.jupyterConfig,data:data59};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
}
if(data7.resources !== undefined){
let data63 = data7.resources;
if(data63 && typeof data63 == "object" && !Array.isArray(data63)){
if(data63.cpu === undefined){
const err165 = {instancePath:instancePath+"/spec/resources",schemaPath:"#/properties/spec/properties/resources/required",keyword:"required",params:{missingProperty: "cpu"},message:"must have required property '"+"cpu"+"'",schema:schema34.properties.spec.properties.resources.required,parentSchema:schema34.properties.spec.properties.resources,data:data63};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
if(data63.memory === undefined){
const err166 = {instancePath:instancePath+"/spec/resources",schemaPath:"#/properties/spec/properties/resources/required",keyword:"required",params:{missingProperty: "memory"},message:"must have required property '"+"memory"+"'",schema:schema34.properties.spec.properties.resources.required,parentSchema:schema34.properties.spec.properties.resources,data:data63};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
for(const key15 in data63){
if(!(((key15 === "cpu") || (key15 === "memory")) || (key15 === "storageGiB"))){
const err167 = {instancePath:instancePath+"/spec/resources",schemaPath:"#/properties/spec/properties/resources/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec.properties.resources,data:data63};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
if(data63.cpu !== undefined){
let data64 = data63.cpu;
if(!(((typeof data64 == "number") && (!(data64 % 1) && !isNaN(data64))) && (isFinite(data64)))){
const err168 = {instancePath:instancePath+"/spec/resources/cpu",schemaPath:"#/properties/spec/properties/resources/properties/cpu/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema34.properties.spec.properties.resources.properties.cpu.type,parentSchema:schema34.properties.spec.properties.resources.properties.cpu,data:data64};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
if(!(((((((data64 === 256) || (data64 === 512)) || (data64 === 1024)) || (data64 === 2048)) || (data64 === 4096)) || (data64 === 8192)) || (data64 === 16384))){
const err169 = {instancePath:instancePath+"/spec/resources/cpu",schemaPath:"#/properties/spec/properties/resources/properties/cpu/enum",keyword:"enum",params:{allowedValues: schema34.properties.spec.properties.resources.properties.cpu.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.spec.properties.resources.properties.cpu.enum,parentSchema:schema34.properties.spec.properties.resources.properties.cpu,data:data64};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
}
if(data63.memory !== undefined){
let data65 = data63.memory;
if(!(((typeof data65 == "number") && (!(data65 % 1) && !isNaN(data65))) && (isFinite(data65)))){
const err170 = {instancePath:instancePath+"/spec/resources/memory",schemaPath:"#/properties/spec/properties/resources/properties/memory/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema34.properties.spec.properties.resources.properties.memory.type,parentSchema:schema34.properties.spec.properties.resources.properties.memory,data:data65};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
if((typeof data65 == "number") && (isFinite(data65))){
if(data65 > 122880 || isNaN(data65)){
const err171 = {instancePath:instancePath+"/spec/resources/memory",schemaPath:"#/properties/spec/properties/resources/properties/memory/maximum",keyword:"maximum",params:{comparison: "<=", limit: 122880},message:"must be <= 122880",schema:122880,parentSchema:schema34.properties.spec.properties.resources.properties.memory,data:data65};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
if(data65 < 512 || isNaN(data65)){
const err172 = {instancePath:instancePath+"/spec/resources/memory",schemaPath:"#/properties/spec/properties/resources/properties/memory/minimum",keyword:"minimum",params:{comparison: ">=", limit: 512},message:"must be >= 512",schema:512,parentSchema:schema34.properties.spec.properties.resources.properties.memory,data:data65};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
}
}
if(data63.storageGiB !== undefined){
let data66 = data63.storageGiB;
if(!(((typeof data66 == "number") && (!(data66 % 1) && !isNaN(data66))) && (isFinite(data66)))){
const err173 = {instancePath:instancePath+"/spec/resources/storageGiB",schemaPath:"#/properties/spec/properties/resources/properties/storageGiB/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema34.properties.spec.properties.resources.properties.storageGiB.type,parentSchema:schema34.properties.spec.properties.resources.properties.storageGiB,data:data66};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
if((typeof data66 == "number") && (isFinite(data66))){
if(data66 > 16384 || isNaN(data66)){
const err174 = {instancePath:instancePath+"/spec/resources/storageGiB",schemaPath:"#/properties/spec/properties/resources/properties/storageGiB/maximum",keyword:"maximum",params:{comparison: "<=", limit: 16384},message:"must be <= 16384",schema:16384,parentSchema:schema34.properties.spec.properties.resources.properties.storageGiB,data:data66};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
if(data66 < 1 || isNaN(data66)){
const err175 = {instancePath:instancePath+"/spec/resources/storageGiB",schemaPath:"#/properties/spec/properties/resources/properties/storageGiB/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema34.properties.spec.properties.resources.properties.storageGiB,data:data66};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
}
}
else {
const err176 = {instancePath:instancePath+"/spec/resources",schemaPath:"#/properties/spec/properties/resources/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.properties.resources.type,parentSchema:schema34.properties.spec.properties.resources,data:data63};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
}
else {
const err177 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.type,parentSchema:schema34.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
}
else {
const err178 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const Lab = validate24;
const schema35 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://labenv.westtek.io/schemas/v1/lab.schema.json","title":"Lab","description":"A research lab: its members and their POSIX identities, who approves changes, its PI, quotas and funding sources. Lives at `environments/<lab>/lab.yaml`. Approval rules are always read from the base branch's copy of this file.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"labenv.westtek.io/v1","description":"The labenv document format version. Always `labenv.westtek.io/v1`."},"kind":{"const":"Lab","description":"The document kind: `Lab`."},"metadata":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The lab id. Must equal the directory name: `environments/<name>/lab.yaml`."},"displayName":{"type":"string","minLength":1,"maxLength":128,"description":"The lab's full name, as shown in reports."},"labels":{"type":"object","description":"Free-form labels for grouping and search. Keys must not look like secrets: labenv never stores credentials in Git.","propertyNames":{"pattern":"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$","not":{"pattern":"[Pp][Aa][Ss][Ss][Ww]([Oo][Rr])?[Dd]|[Ss][Ee][Cc][Rr][Ee][Tt]|[Tt][Oo][Kk][Ee][Nn]|[Aa][Pp][Ii][-_]?[Kk][Ee][Yy]|[Pp][Rr][Ii][Vv][Aa][Tt][Ee][-_]?[Kk][Ee][Yy]|[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll]|[Aa][Cc][Cc][Ee][Ss][Ss][-_]?[Kk][Ee][Yy]"}},"additionalProperties":{"type":"string","maxLength":256}}}},"spec":{"type":"object","additionalProperties":false,"required":["pi","approvers","members","posixGid"],"properties":{"pi":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The principal investigator: a member id. The PI must approve every succession in this lab."},"approvers":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"A member id from the lab's `lab.yaml` (`spec.members[].id`)."},"description":"Member ids who may approve shares, deletions, storage replacements and (by default) any environment change in this lab."},"posixGid":{"type":"integer","minimum":1000,"maximum":2147483647,"description":"The lab's POSIX group id. Home directories on EFS are created with this group."},"members":{"type":"array","minItems":1,"description":"Everyone who may own or use an environment in this lab.","items":{"type":"object","additionalProperties":false,"required":["id","github","uid","role"],"properties":{"id":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The member's id inside labenv (used as `owner`, in approvers and successions)."},"name":{"type":"string","maxLength":128,"description":"The member's full name."},"github":{"type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$","description":"The member's GitHub login. An approval counts only when it comes from the login mapped here."},"uid":{"type":"integer","minimum":1000,"maximum":2147483647,"description":"The member's POSIX user id: files in their EFS home are owned by it. Unique across all labs."},"role":{"type":"string","enum":["pi","researcher","postdoc","student","engineer"],"description":"The member's role in the lab."},"orcid":{"type":"string","pattern":"^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$","description":"The member's ORCID iD, for funder reports."},"until":{"type":"string","format":"date","description":"The last day of the member's appointment, if known."}}}},"quotas":{"type":"object","additionalProperties":false,"description":"Limits on what all of the lab's environments together may use. `labenv validate` rejects a change that exceeds one.","properties":{"cpu":{"type":"integer","minimum":256,"description":"Total Fargate CPU units across running environments (1024 = 1 vCPU)."},"memory":{"type":"integer","minimum":512,"description":"Total memory in MiB across running environments."},"storageGiB":{"type":"integer","minimum":1,"description":"Total EBS storage in GiB across all environments."},"environments":{"type":"integer","minimum":1,"description":"How many environments the lab may have."}}},"minimumReleaseAgeDays":{"type":"integer","minimum":0,"maximum":3650,"description":"`labenv lock` resolves this lab's environments as the package index stood this many days ago, from each file's upload time (as Renovate's `minimumReleaseAge` and uv's `exclude-newer` do): a release younger than that is not chosen. Releases whose upload time the index does not give are not chosen either. Locked versions are kept until the environment changes; `labenv lock --exclude-newer <date>` sets the same limit for one run."},"packTrust":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","enum":["verified","community","experimental"],"description":"A domain pack trust level: `verified`, `community` or `experimental`."},"description":"The domain pack trust levels this lab's environments may use (default: every level). `labenv validate` refuses an environment whose `domainPack` range resolves to a pack version of another level, and `labenv packs add --lab` refuses such a version; labenv.yaml's `packRegistries[].trust` still decides what may be vendored at all."},"funding":{"type":"array","description":"Grants and budgets that pay for the lab's environments; environments name one in `metadata.funding`.","items":{"type":"object","additionalProperties":false,"required":["id","funder"],"properties":{"id":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The funding source id, referenced by environments."},"funder":{"type":"string","maxLength":128,"description":"Who funds it (NIH, NSF, ERC, an internal budget)."},"award":{"type":"string","maxLength":64,"description":"The award or grant number."},"until":{"type":"string","format":"date","description":"When the award ends."}}}},"approvals":{"type":"object","additionalProperties":false,"description":"Who must approve which pull requests in this lab.","properties":{"environmentChanges":{"type":"string","enum":["owner-or-approver","approver"],"default":"owner-or-approver","description":"Who approves ordinary environment changes: the environment's owner or a lab approver (default), or only a lab approver."}}},"drift":{"type":"object","additionalProperties":false,"description":"How drift in this lab's environments is judged.","properties":{"criticalPackages":{"type":"array","items":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$","description":"A Python distribution name normalized per PEP 503 (lower case, runs of `-`, `_`, `.` written as one `-`)."},"uniqueItems":true,"description":"Packages whose change is always critical drift, in addition to every package pinned by the domain pack."},"maxOpenPullRequests":{"type":"integer","minimum":0,"default":5,"description":"At most this many drift pull requests are open for the lab at once."},"rules":{"type":"array","description":"Severity rules, tried in order; the first that matches an item decides its severity.","items":{"type":"object","additionalProperties":false,"required":["severity"],"properties":{"item":{"type":"string","enum":["package","kernel","extension","config","infrastructure","r-package","julia-package"],"description":"Which kind of drift item the rule applies to."},"change":{"type":"string","enum":["added","removed","changed"],"description":"Which change the rule applies to."},"pinned":{"type":"boolean","description":"Match only packages the lock pins from the domain pack (true) or only others (false)."},"names":{"type":"array","items":{"type":"string","maxLength":128},"description":"Match only these item names."},"severity":{"type":"string","enum":["minor","critical","ignore"],"description":"The severity of a matching item."}}}}}},"snapshots":{"type":"object","additionalProperties":false,"required":["schedule"],"description":"Scheduled snapshots of this lab's environments: taken when the cron schedule is due (UTC) and pruned by `keep`, as Velero's schedules and TTLs do for Kubernetes. Every environment of the lab has it unless its own `spec.snapshots` says otherwise.","properties":{"schedule":{"type":"string","minLength":1,"maxLength":100,"description":"A five-field cron expression, in UTC (e.g. `0 3 * * *`: every day at 03:00). A reconcile that finds a slot due takes one snapshot for the newest slot missed, never a backlog."},"keep":{"type":"object","additionalProperties":false,"description":"How many scheduled snapshots are kept: the newest of each of the last `daily` days, `weekly` ISO weeks and `monthly` months that have one (as restic's --keep-daily/weekly/monthly). Without `keep`, none is pruned. A snapshot a document asks for, under legal hold, within its keepUntil, named by a restoreFrom, share or succession, or the environment's last verified one is never pruned.","properties":{"daily":{"type":"integer","minimum":0,"maximum":1000,"description":"The newest scheduled snapshot of each of the last this many days is kept."},"weekly":{"type":"integer","minimum":0,"maximum":1000,"description":"The newest scheduled snapshot of each of the last this many ISO weeks (Monday to Sunday, UTC) is kept."},"monthly":{"type":"integer","minimum":0,"maximum":1000,"description":"The newest scheduled snapshot of each of the last this many calendar months is kept."}}},"include":{"type":"object","additionalProperties":false,"description":"What each scheduled snapshot captures, as a Snapshot document's `include`.","properties":{"packages":{"type":"boolean","default":true,"description":"The /opt/jupyter EBS volume (the installed packages)."},"home":{"type":"boolean","default":false,"description":"The owner's EFS home, through an AWS Backup job."}}},"paused":{"type":"boolean","default":false,"description":"Take no scheduled snapshot while true (pruning goes on)."}}}}}}};
const pattern92 = new RegExp("^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$", "u");
const formats6 = __dep1.fullFormats.date;

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://labenv.westtek.io/schemas/v1/lab.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate24.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("labenv.westtek.io/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "labenv.westtek.io/v1"},message:"must be equal to constant",schema:"labenv.westtek.io/v1",parentSchema:schema35.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("Lab" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Lab"},message:"must be equal to constant",schema:"Lab",parentSchema:schema35.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema35.properties.metadata.required,parentSchema:schema35.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key1 in data2){
if(!(((key1 === "name") || (key1 === "displayName")) || (key1 === "labels"))){
const err8 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err9 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema35.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.metadata.properties.name.type,parentSchema:schema35.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.displayName !== undefined){
let data4 = data2.displayName;
if(typeof data4 === "string"){
if(func1(data4) > 128){
const err11 = {instancePath:instancePath+"/metadata/displayName",schemaPath:"#/properties/metadata/properties/displayName/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema35.properties.metadata.properties.displayName,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(func1(data4) < 1){
const err12 = {instancePath:instancePath+"/metadata/displayName",schemaPath:"#/properties/metadata/properties/displayName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35.properties.metadata.properties.displayName,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/metadata/displayName",schemaPath:"#/properties/metadata/properties/displayName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.metadata.properties.displayName.type,parentSchema:schema35.properties.metadata.properties.displayName,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data2.labels !== undefined){
let data5 = data2.labels;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key2 in data5){
const _errs13 = errors;
const _errs14 = errors;
const _errs15 = errors;
if(typeof key2 === "string"){
if(!pattern6.test(key2)){
const err14 = {};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var valid3 = _errs15 === errors;
if(valid3){
const err15 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema35.properties.metadata.properties.labels.propertyNames.not,parentSchema:schema35.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
}
if(typeof key2 === "string"){
if(!pattern7.test(key2)){
const err16 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"},message:"must match pattern \""+"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"+"\"",schema:"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$",parentSchema:schema35.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var valid2 = _errs13 === errors;
if(!valid2){
const err17 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema35.properties.metadata.properties.labels.propertyNames,parentSchema:schema35.properties.metadata.properties.labels,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
for(const key3 in data5){
let data6 = data5[key3];
if(typeof data6 === "string"){
if(func1(data6) > 256){
const err18 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema35.properties.metadata.properties.labels.additionalProperties,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.metadata.properties.labels.additionalProperties.type,parentSchema:schema35.properties.metadata.properties.labels.additionalProperties,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.metadata.properties.labels.type,parentSchema:schema35.properties.metadata.properties.labels,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.metadata.type,parentSchema:schema35.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.spec !== undefined){
let data7 = data.spec;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.pi === undefined){
const err22 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "pi"},message:"must have required property '"+"pi"+"'",schema:schema35.properties.spec.required,parentSchema:schema35.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data7.approvers === undefined){
const err23 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "approvers"},message:"must have required property '"+"approvers"+"'",schema:schema35.properties.spec.required,parentSchema:schema35.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data7.members === undefined){
const err24 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "members"},message:"must have required property '"+"members"+"'",schema:schema35.properties.spec.required,parentSchema:schema35.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data7.posixGid === undefined){
const err25 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "posixGid"},message:"must have required property '"+"posixGid"+"'",schema:schema35.properties.spec.required,parentSchema:schema35.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
for(const key4 in data7){
if(!(func2.call(schema35.properties.spec.properties, key4))){
const err26 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data7.pi !== undefined){
let data8 = data7.pi;
if(typeof data8 === "string"){
if(!pattern4.test(data8)){
const err27 = {instancePath:instancePath+"/spec/pi",schemaPath:"#/properties/spec/properties/pi/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema35.properties.spec.properties.pi,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/spec/pi",schemaPath:"#/properties/spec/properties/pi/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.pi.type,parentSchema:schema35.properties.spec.properties.pi,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data7.approvers !== undefined){
let data9 = data7.approvers;
if(Array.isArray(data9)){
if(data9.length < 1){
const err29 = {instancePath:instancePath+"/spec/approvers",schemaPath:"#/properties/spec/properties/approvers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema35.properties.spec.properties.approvers,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
const len0 = data9.length;
for(let i0=0; i0<len0; i0++){
let data10 = data9[i0];
if(typeof data10 === "string"){
if(!pattern4.test(data10)){
const err30 = {instancePath:instancePath+"/spec/approvers/" + i0,schemaPath:"#/properties/spec/properties/approvers/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema35.properties.spec.properties.approvers.items,data:data10};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/spec/approvers/" + i0,schemaPath:"#/properties/spec/properties/approvers/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.approvers.items.type,parentSchema:schema35.properties.spec.properties.approvers.items,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
let i1 = data9.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data9[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err32 = {instancePath:instancePath+"/spec/approvers",schemaPath:"#/properties/spec/properties/approvers/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema35.properties.spec.properties.approvers,data:data9};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err33 = {instancePath:instancePath+"/spec/approvers",schemaPath:"#/properties/spec/properties/approvers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.spec.properties.approvers.type,parentSchema:schema35.properties.spec.properties.approvers,data:data9};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data7.posixGid !== undefined){
let data11 = data7.posixGid;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err34 = {instancePath:instancePath+"/spec/posixGid",schemaPath:"#/properties/spec/properties/posixGid/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.spec.properties.posixGid.type,parentSchema:schema35.properties.spec.properties.posixGid,data:data11};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 2147483647 || isNaN(data11)){
const err35 = {instancePath:instancePath+"/spec/posixGid",schemaPath:"#/properties/spec/properties/posixGid/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647",schema:2147483647,parentSchema:schema35.properties.spec.properties.posixGid,data:data11};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data11 < 1000 || isNaN(data11)){
const err36 = {instancePath:instancePath+"/spec/posixGid",schemaPath:"#/properties/spec/properties/posixGid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1000},message:"must be >= 1000",schema:1000,parentSchema:schema35.properties.spec.properties.posixGid,data:data11};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
if(data7.members !== undefined){
let data12 = data7.members;
if(Array.isArray(data12)){
if(data12.length < 1){
const err37 = {instancePath:instancePath+"/spec/members",schemaPath:"#/properties/spec/properties/members/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema35.properties.spec.properties.members,data:data12};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
const len1 = data12.length;
for(let i2=0; i2<len1; i2++){
let data13 = data12[i2];
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.id === undefined){
const err38 = {instancePath:instancePath+"/spec/members/" + i2,schemaPath:"#/properties/spec/properties/members/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema35.properties.spec.properties.members.items.required,parentSchema:schema35.properties.spec.properties.members.items,data:data13};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(data13.github === undefined){
const err39 = {instancePath:instancePath+"/spec/members/" + i2,schemaPath:"#/properties/spec/properties/members/items/required",keyword:"required",params:{missingProperty: "github"},message:"must have required property '"+"github"+"'",schema:schema35.properties.spec.properties.members.items.required,parentSchema:schema35.properties.spec.properties.members.items,data:data13};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(data13.uid === undefined){
const err40 = {instancePath:instancePath+"/spec/members/" + i2,schemaPath:"#/properties/spec/properties/members/items/required",keyword:"required",params:{missingProperty: "uid"},message:"must have required property '"+"uid"+"'",schema:schema35.properties.spec.properties.members.items.required,parentSchema:schema35.properties.spec.properties.members.items,data:data13};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(data13.role === undefined){
const err41 = {instancePath:instancePath+"/spec/members/" + i2,schemaPath:"#/properties/spec/properties/members/items/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema35.properties.spec.properties.members.items.required,parentSchema:schema35.properties.spec.properties.members.items,data:data13};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
for(const key5 in data13){
if(!(((((((key5 === "id") || (key5 === "name")) || (key5 === "github")) || (key5 === "uid")) || (key5 === "role")) || (key5 === "orcid")) || (key5 === "until"))){
const err42 = {instancePath:instancePath+"/spec/members/" + i2,schemaPath:"#/properties/spec/properties/members/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.spec.properties.members.items,data:data13};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data13.id !== undefined){
let data14 = data13.id;
if(typeof data14 === "string"){
if(!pattern4.test(data14)){
const err43 = {instancePath:instancePath+"/spec/members/" + i2+"/id",schemaPath:"#/properties/spec/properties/members/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema35.properties.spec.properties.members.items.properties.id,data:data14};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
else {
const err44 = {instancePath:instancePath+"/spec/members/" + i2+"/id",schemaPath:"#/properties/spec/properties/members/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.members.items.properties.id.type,parentSchema:schema35.properties.spec.properties.members.items.properties.id,data:data14};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data13.name !== undefined){
let data15 = data13.name;
if(typeof data15 === "string"){
if(func1(data15) > 128){
const err45 = {instancePath:instancePath+"/spec/members/" + i2+"/name",schemaPath:"#/properties/spec/properties/members/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema35.properties.spec.properties.members.items.properties.name,data:data15};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
else {
const err46 = {instancePath:instancePath+"/spec/members/" + i2+"/name",schemaPath:"#/properties/spec/properties/members/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.members.items.properties.name.type,parentSchema:schema35.properties.spec.properties.members.items.properties.name,data:data15};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data13.github !== undefined){
let data16 = data13.github;
if(typeof data16 === "string"){
if(!pattern11.test(data16)){
const err47 = {instancePath:instancePath+"/spec/members/" + i2+"/github",schemaPath:"#/properties/spec/properties/members/items/properties/github/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema35.properties.spec.properties.members.items.properties.github,data:data16};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
else {
const err48 = {instancePath:instancePath+"/spec/members/" + i2+"/github",schemaPath:"#/properties/spec/properties/members/items/properties/github/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.members.items.properties.github.type,parentSchema:schema35.properties.spec.properties.members.items.properties.github,data:data16};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data13.uid !== undefined){
let data17 = data13.uid;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err49 = {instancePath:instancePath+"/spec/members/" + i2+"/uid",schemaPath:"#/properties/spec/properties/members/items/properties/uid/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.spec.properties.members.items.properties.uid.type,parentSchema:schema35.properties.spec.properties.members.items.properties.uid,data:data17};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 > 2147483647 || isNaN(data17)){
const err50 = {instancePath:instancePath+"/spec/members/" + i2+"/uid",schemaPath:"#/properties/spec/properties/members/items/properties/uid/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647",schema:2147483647,parentSchema:schema35.properties.spec.properties.members.items.properties.uid,data:data17};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(data17 < 1000 || isNaN(data17)){
const err51 = {instancePath:instancePath+"/spec/members/" + i2+"/uid",schemaPath:"#/properties/spec/properties/members/items/properties/uid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1000},message:"must be >= 1000",schema:1000,parentSchema:schema35.properties.spec.properties.members.items.properties.uid,data:data17};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
if(data13.role !== undefined){
let data18 = data13.role;
if(typeof data18 !== "string"){
const err52 = {instancePath:instancePath+"/spec/members/" + i2+"/role",schemaPath:"#/properties/spec/properties/members/items/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.members.items.properties.role.type,parentSchema:schema35.properties.spec.properties.members.items.properties.role,data:data18};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(!(((((data18 === "pi") || (data18 === "researcher")) || (data18 === "postdoc")) || (data18 === "student")) || (data18 === "engineer"))){
const err53 = {instancePath:instancePath+"/spec/members/" + i2+"/role",schemaPath:"#/properties/spec/properties/members/items/properties/role/enum",keyword:"enum",params:{allowedValues: schema35.properties.spec.properties.members.items.properties.role.enum},message:"must be equal to one of the allowed values",schema:schema35.properties.spec.properties.members.items.properties.role.enum,parentSchema:schema35.properties.spec.properties.members.items.properties.role,data:data18};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data13.orcid !== undefined){
let data19 = data13.orcid;
if(typeof data19 === "string"){
if(!pattern92.test(data19)){
const err54 = {instancePath:instancePath+"/spec/members/" + i2+"/orcid",schemaPath:"#/properties/spec/properties/members/items/properties/orcid/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$"+"\"",schema:"^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$",parentSchema:schema35.properties.spec.properties.members.items.properties.orcid,data:data19};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
else {
const err55 = {instancePath:instancePath+"/spec/members/" + i2+"/orcid",schemaPath:"#/properties/spec/properties/members/items/properties/orcid/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.members.items.properties.orcid.type,parentSchema:schema35.properties.spec.properties.members.items.properties.orcid,data:data19};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data13.until !== undefined){
let data20 = data13.until;
if(typeof data20 === "string"){
if(!(formats6.validate(data20))){
const err56 = {instancePath:instancePath+"/spec/members/" + i2+"/until",schemaPath:"#/properties/spec/properties/members/items/properties/until/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\"",schema:"date",parentSchema:schema35.properties.spec.properties.members.items.properties.until,data:data20};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
else {
const err57 = {instancePath:instancePath+"/spec/members/" + i2+"/until",schemaPath:"#/properties/spec/properties/members/items/properties/until/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.members.items.properties.until.type,parentSchema:schema35.properties.spec.properties.members.items.properties.until,data:data20};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
}
else {
const err58 = {instancePath:instancePath+"/spec/members/" + i2,schemaPath:"#/properties/spec/properties/members/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.spec.properties.members.items.type,parentSchema:schema35.properties.spec.properties.members.items,data:data13};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
else {
const err59 = {instancePath:instancePath+"/spec/members",schemaPath:"#/properties/spec/properties/members/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.spec.properties.members.type,parentSchema:schema35.properties.spec.properties.members,data:data12};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data7.quotas !== undefined){
let data21 = data7.quotas;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
for(const key6 in data21){
if(!((((key6 === "cpu") || (key6 === "memory")) || (key6 === "storageGiB")) || (key6 === "environments"))){
const err60 = {instancePath:instancePath+"/spec/quotas",schemaPath:"#/properties/spec/properties/quotas/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.spec.properties.quotas,data:data21};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data21.cpu !== undefined){
let data22 = data21.cpu;
if(!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))){
const err61 = {instancePath:instancePath+"/spec/quotas/cpu",schemaPath:"#/properties/spec/properties/quotas/properties/cpu/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.spec.properties.quotas.properties.cpu.type,parentSchema:schema35.properties.spec.properties.quotas.properties.cpu,data:data22};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if((typeof data22 == "number") && (isFinite(data22))){
if(data22 < 256 || isNaN(data22)){
const err62 = {instancePath:instancePath+"/spec/quotas/cpu",schemaPath:"#/properties/spec/properties/quotas/properties/cpu/minimum",keyword:"minimum",params:{comparison: ">=", limit: 256},message:"must be >= 256",schema:256,parentSchema:schema35.properties.spec.properties.quotas.properties.cpu,data:data22};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
if(data21.memory !== undefined){
let data23 = data21.memory;
if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){
const err63 = {instancePath:instancePath+"/spec/quotas/memory",schemaPath:"#/properties/spec/properties/quotas/properties/memory/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.spec.properties.quotas.properties.memory.type,parentSchema:schema35.properties.spec.properties.quotas.properties.memory,data:data23};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if((typeof data23 == "number") && (isFinite(data23))){
if(data23 < 512 || isNaN(data23)){
const err64 = {instancePath:instancePath+"/spec/quotas/memory",schemaPath:"#/properties/spec/properties/quotas/properties/memory/minimum",keyword:"minimum",params:{comparison: ">=", limit: 512},message:"must be >= 512",schema:512,parentSchema:schema35.properties.spec.properties.quotas.properties.memory,data:data23};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
if(data21.storageGiB !== undefined){
let data24 = data21.storageGiB;
if(!(((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24))) && (isFinite(data24)))){
const err65 = {instancePath:instancePath+"/spec/quotas/storageGiB",schemaPath:"#/properties/spec/properties/quotas/properties/storageGiB/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.spec.properties.quotas.properties.storageGiB.type,parentSchema:schema35.properties.spec.properties.quotas.properties.storageGiB,data:data24};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
if((typeof data24 == "number") && (isFinite(data24))){
if(data24 < 1 || isNaN(data24)){
const err66 = {instancePath:instancePath+"/spec/quotas/storageGiB",schemaPath:"#/properties/spec/properties/quotas/properties/storageGiB/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema35.properties.spec.properties.quotas.properties.storageGiB,data:data24};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
}
if(data21.environments !== undefined){
let data25 = data21.environments;
if(!(((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25))) && (isFinite(data25)))){
const err67 = {instancePath:instancePath+"/spec/quotas/environments",schemaPath:"#/properties/spec/properties/quotas/properties/environments/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.spec.properties.quotas.properties.environments.type,parentSchema:schema35.properties.spec.properties.quotas.properties.environments,data:data25};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if((typeof data25 == "number") && (isFinite(data25))){
if(data25 < 1 || isNaN(data25)){
const err68 = {instancePath:instancePath+"/spec/quotas/environments",schemaPath:"#/properties/spec/properties/quotas/properties/environments/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema35.properties.spec.properties.quotas.properties.environments,data:data25};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
}
else {
const err69 = {instancePath:instancePath+"/spec/quotas",schemaPath:"#/properties/spec/properties/quotas/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.spec.properties.quotas.type,parentSchema:schema35.properties.spec.properties.quotas,data:data21};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data7.minimumReleaseAgeDays !== undefined){
let data26 = data7.minimumReleaseAgeDays;
if(!(((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26))) && (isFinite(data26)))){
const err70 = {instancePath:instancePath+"/spec/minimumReleaseAgeDays",schemaPath:"#/properties/spec/properties/minimumReleaseAgeDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.spec.properties.minimumReleaseAgeDays.type,parentSchema:schema35.properties.spec.properties.minimumReleaseAgeDays,data:data26};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if((typeof data26 == "number") && (isFinite(data26))){
if(data26 > 3650 || isNaN(data26)){
const err71 = {instancePath:instancePath+"/spec/minimumReleaseAgeDays",schemaPath:"#/properties/spec/properties/minimumReleaseAgeDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3650},message:"must be <= 3650",schema:3650,parentSchema:schema35.properties.spec.properties.minimumReleaseAgeDays,data:data26};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(data26 < 0 || isNaN(data26)){
const err72 = {instancePath:instancePath+"/spec/minimumReleaseAgeDays",schemaPath:"#/properties/spec/properties/minimumReleaseAgeDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema35.properties.spec.properties.minimumReleaseAgeDays,data:data26};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
}
if(data7.packTrust !== undefined){
let data27 = data7.packTrust;
if(Array.isArray(data27)){
if(data27.length < 1){
const err73 = {instancePath:instancePath+"/spec/packTrust",schemaPath:"#/properties/spec/properties/packTrust/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema35.properties.spec.properties.packTrust,data:data27};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
const len2 = data27.length;
for(let i3=0; i3<len2; i3++){
let data28 = data27[i3];
if(typeof data28 !== "string"){
const err74 = {instancePath:instancePath+"/spec/packTrust/" + i3,schemaPath:"#/properties/spec/properties/packTrust/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.packTrust.items.type,parentSchema:schema35.properties.spec.properties.packTrust.items,data:data28};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if(!(((data28 === "verified") || (data28 === "community")) || (data28 === "experimental"))){
const err75 = {instancePath:instancePath+"/spec/packTrust/" + i3,schemaPath:"#/properties/spec/properties/packTrust/items/enum",keyword:"enum",params:{allowedValues: schema35.properties.spec.properties.packTrust.items.enum},message:"must be equal to one of the allowed values",schema:schema35.properties.spec.properties.packTrust.items.enum,parentSchema:schema35.properties.spec.properties.packTrust.items,data:data28};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
let i4 = data27.length;
let j1;
if(i4 > 1){
const indices1 = {};
for(;i4--;){
let item1 = data27[i4];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err76 = {instancePath:instancePath+"/spec/packTrust",schemaPath:"#/properties/spec/properties/packTrust/uniqueItems",keyword:"uniqueItems",params:{i: i4, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i4+" are identical)",schema:true,parentSchema:schema35.properties.spec.properties.packTrust,data:data27};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
break;
}
indices1[item1] = i4;
}
}
}
else {
const err77 = {instancePath:instancePath+"/spec/packTrust",schemaPath:"#/properties/spec/properties/packTrust/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.spec.properties.packTrust.type,parentSchema:schema35.properties.spec.properties.packTrust,data:data27};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data7.funding !== undefined){
let data29 = data7.funding;
if(Array.isArray(data29)){
const len3 = data29.length;
for(let i5=0; i5<len3; i5++){
let data30 = data29[i5];
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
if(data30.id === undefined){
const err78 = {instancePath:instancePath+"/spec/funding/" + i5,schemaPath:"#/properties/spec/properties/funding/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema35.properties.spec.properties.funding.items.required,parentSchema:schema35.properties.spec.properties.funding.items,data:data30};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
if(data30.funder === undefined){
const err79 = {instancePath:instancePath+"/spec/funding/" + i5,schemaPath:"#/properties/spec/properties/funding/items/required",keyword:"required",params:{missingProperty: "funder"},message:"must have required property '"+"funder"+"'",schema:schema35.properties.spec.properties.funding.items.required,parentSchema:schema35.properties.spec.properties.funding.items,data:data30};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
for(const key7 in data30){
if(!((((key7 === "id") || (key7 === "funder")) || (key7 === "award")) || (key7 === "until"))){
const err80 = {instancePath:instancePath+"/spec/funding/" + i5,schemaPath:"#/properties/spec/properties/funding/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.spec.properties.funding.items,data:data30};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data30.id !== undefined){
let data31 = data30.id;
if(typeof data31 === "string"){
if(!pattern4.test(data31)){
const err81 = {instancePath:instancePath+"/spec/funding/" + i5+"/id",schemaPath:"#/properties/spec/properties/funding/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema35.properties.spec.properties.funding.items.properties.id,data:data31};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
else {
const err82 = {instancePath:instancePath+"/spec/funding/" + i5+"/id",schemaPath:"#/properties/spec/properties/funding/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.funding.items.properties.id.type,parentSchema:schema35.properties.spec.properties.funding.items.properties.id,data:data31};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
if(data30.funder !== undefined){
let data32 = data30.funder;
if(typeof data32 === "string"){
if(func1(data32) > 128){
const err83 = {instancePath:instancePath+"/spec/funding/" + i5+"/funder",schemaPath:"#/properties/spec/properties/funding/items/properties/funder/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema35.properties.spec.properties.funding.items.properties.funder,data:data32};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
else {
const err84 = {instancePath:instancePath+"/spec/funding/" + i5+"/funder",schemaPath:"#/properties/spec/properties/funding/items/properties/funder/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.funding.items.properties.funder.type,parentSchema:schema35.properties.spec.properties.funding.items.properties.funder,data:data32};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data30.award !== undefined){
let data33 = data30.award;
if(typeof data33 === "string"){
if(func1(data33) > 64){
const err85 = {instancePath:instancePath+"/spec/funding/" + i5+"/award",schemaPath:"#/properties/spec/properties/funding/items/properties/award/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema35.properties.spec.properties.funding.items.properties.award,data:data33};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
else {
const err86 = {instancePath:instancePath+"/spec/funding/" + i5+"/award",schemaPath:"#/properties/spec/properties/funding/items/properties/award/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.funding.items.properties.award.type,parentSchema:schema35.properties.spec.properties.funding.items.properties.award,data:data33};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
if(data30.until !== undefined){
let data34 = data30.until;
if(typeof data34 === "string"){
if(!(formats6.validate(data34))){
const err87 = {instancePath:instancePath+"/spec/funding/" + i5+"/until",schemaPath:"#/properties/spec/properties/funding/items/properties/until/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\"",schema:"date",parentSchema:schema35.properties.spec.properties.funding.items.properties.until,data:data34};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
else {
const err88 = {instancePath:instancePath+"/spec/funding/" + i5+"/until",schemaPath:"#/properties/spec/properties/funding/items/properties/until/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.funding.items.properties.until.type,parentSchema:schema35.properties.spec.properties.funding.items.properties.until,data:data34};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
}
else {
const err89 = {instancePath:instancePath+"/spec/funding/" + i5,schemaPath:"#/properties/spec/properties/funding/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.spec.properties.funding.items.type,parentSchema:schema35.properties.spec.properties.funding.items,data:data30};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
}
else {
const err90 = {instancePath:instancePath+"/spec/funding",schemaPath:"#/properties/spec/properties/funding/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.spec.properties.funding.type,parentSchema:schema35.properties.spec.properties.funding,data:data29};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data7.approvals !== undefined){
let data35 = data7.approvals;
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
for(const key8 in data35){
if(!(key8 === "environmentChanges")){
const err91 = {instancePath:instancePath+"/spec/approvals",schemaPath:"#/properties/spec/properties/approvals/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.spec.properties.approvals,data:data35};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data35.environmentChanges !== undefined){
let data36 = data35.environmentChanges;
if(typeof data36 !== "string"){
const err92 = {instancePath:instancePath+"/spec/approvals/environmentChanges",schemaPath:"#/properties/spec/properties/approvals/properties/environmentChanges/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.approvals.properties.environmentChanges.type,parentSchema:schema35.properties.spec.properties.approvals.properties.environmentChanges,data:data36};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
if(!((data36 === "owner-or-approver") || (data36 === "approver"))){
const err93 = {instancePath:instancePath+"/spec/approvals/environmentChanges",schemaPath:"#/properties/spec/properties/approvals/properties/environmentChanges/enum",keyword:"enum",params:{allowedValues: schema35.properties.spec.properties.approvals.properties.environmentChanges.enum},message:"must be equal to one of the allowed values",schema:schema35.properties.spec.properties.approvals.properties.environmentChanges.enum,parentSchema:schema35.properties.spec.properties.approvals.properties.environmentChanges,data:data36};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
}
else {
const err94 = {instancePath:instancePath+"/spec/approvals",schemaPath:"#/properties/spec/properties/approvals/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.spec.properties.approvals.type,parentSchema:schema35.properties.spec.properties.approvals,data:data35};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data7.drift !== undefined){
let data37 = data7.drift;
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
for(const key9 in data37){
if(!(((key9 === "criticalPackages") || (key9 === "maxOpenPullRequests")) || (key9 === "rules"))){
const err95 = {instancePath:instancePath+"/spec/drift",schemaPath:"#/properties/spec/properties/drift/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.spec.properties.drift,data:data37};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data37.criticalPackages !== undefined){
let data38 = data37.criticalPackages;
if(Array.isArray(data38)){
const len4 = data38.length;
for(let i6=0; i6<len4; i6++){
let data39 = data38[i6];
if(typeof data39 === "string"){
if(!pattern14.test(data39)){
const err96 = {instancePath:instancePath+"/spec/drift/criticalPackages/" + i6,schemaPath:"#/properties/spec/properties/drift/properties/criticalPackages/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",parentSchema:schema35.properties.spec.properties.drift.properties.criticalPackages.items,data:data39};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
else {
const err97 = {instancePath:instancePath+"/spec/drift/criticalPackages/" + i6,schemaPath:"#/properties/spec/properties/drift/properties/criticalPackages/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.drift.properties.criticalPackages.items.type,parentSchema:schema35.properties.spec.properties.drift.properties.criticalPackages.items,data:data39};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
let i7 = data38.length;
let j2;
if(i7 > 1){
const indices2 = {};
for(;i7--;){
let item2 = data38[i7];
if(typeof item2 !== "string"){
continue;
}
if(typeof indices2[item2] == "number"){
j2 = indices2[item2];
const err98 = {instancePath:instancePath+"/spec/drift/criticalPackages",schemaPath:"#/properties/spec/properties/drift/properties/criticalPackages/uniqueItems",keyword:"uniqueItems",params:{i: i7, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i7+" are identical)",schema:true,parentSchema:schema35.properties.spec.properties.drift.properties.criticalPackages,data:data38};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
break;
}
indices2[item2] = i7;
}
}
}
else {
const err99 = {instancePath:instancePath+"/spec/drift/criticalPackages",schemaPath:"#/properties/spec/properties/drift/properties/criticalPackages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.spec.properties.drift.properties.criticalPackages.type,parentSchema:schema35.properties.spec.properties.drift.properties.criticalPackages,data:data38};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data37.maxOpenPullRequests !== undefined){
let data40 = data37.maxOpenPullRequests;
if(!(((typeof data40 == "number") && (!(data40 % 1) && !isNaN(data40))) && (isFinite(data40)))){
const err100 = {instancePath:instancePath+"/spec/drift/maxOpenPullRequests",schemaPath:"#/properties/spec/properties/drift/properties/maxOpenPullRequests/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.spec.properties.drift.properties.maxOpenPullRequests.type,parentSchema:schema35.properties.spec.properties.drift.properties.maxOpenPullRequests,data:data40};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
if((typeof data40 == "number") && (isFinite(data40))){
if(data40 < 0 || isNaN(data40)){
const err101 = {instancePath:instancePath+"/spec/drift/maxOpenPullRequests",schemaPath:"#/properties/spec/properties/drift/properties/maxOpenPullRequests/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema35.properties.spec.properties.drift.properties.maxOpenPullRequests,data:data40};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
}
if(data37.rules !== undefined){
let data41 = data37.rules;
if(Array.isArray(data41)){
const len5 = data41.length;
for(let i8=0; i8<len5; i8++){
let data42 = data41[i8];
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
if(data42.severity === undefined){
const err102 = {instancePath:instancePath+"/spec/drift/rules/" + i8,schemaPath:"#/properties/spec/properties/drift/properties/rules/items/required",keyword:"required",params:{missingProperty: "severity"},message:"must have required property '"+"severity"+"'",schema:schema35.properties.spec.properties.drift.properties.rules.items.required,parentSchema:schema35.properties.spec.properties.drift.properties.rules.items,data:data42};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
for(const key10 in data42){
if(!(((((key10 === "item") || (key10 === "change")) || (key10 === "pinned")) || (key10 === "names")) || (key10 === "severity"))){
const err103 = {instancePath:instancePath+"/spec/drift/rules/" + i8,schemaPath:"#/properties/spec/properties/drift/properties/rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.spec.properties.drift.properties.rules.items,data:data42};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
if(data42.item !== undefined){
let data43 = data42.item;
if(typeof data43 !== "string"){
const err104 = {instancePath:instancePath+"/spec/drift/rules/" + i8+"/item",schemaPath:"#/properties/spec/properties/drift/properties/rules/items/properties/item/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.drift.properties.rules.items.properties.item.type,parentSchema:schema35.properties.spec.properties.drift.properties.rules.items.properties.item,data:data43};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
if(!(((((((data43 === "package") || (data43 === "kernel")) || (data43 === "extension")) || (data43 === "config")) || (data43 === "infrastructure")) || (data43 === "r-package")) || (data43 === "julia-package"))){
const err105 = {instancePath:instancePath+"/spec/drift/rules/" + i8+"/item",schemaPath:"#/properties/spec/properties/drift/properties/rules/items/properties/item/enum",keyword:"enum",params:{allowedValues: schema35.properties.spec.properties.drift.properties.rules.items.properties.item.enum},message:"must be equal to one of the allowed values",schema:schema35.properties.spec.properties.drift.properties.rules.items.properties.item.enum,parentSchema:schema35.properties.spec.properties.drift.properties.rules.items.properties.item,data:data43};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
if(data42.change !== undefined){
let data44 = data42.change;
if(typeof data44 !== "string"){
const err106 = {instancePath:instancePath+"/spec/drift/rules/" + i8+"/change",schemaPath:"#/properties/spec/properties/drift/properties/rules/items/properties/change/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.drift.properties.rules.items.properties.change.type,parentSchema:schema35.properties.spec.properties.drift.properties.rules.items.properties.change,data:data44};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
if(!(((data44 === "added") || (data44 === "removed")) || (data44 === "changed"))){
const err107 = {instancePath:instancePath+"/spec/drift/rules/" + i8+"/change",schemaPath:"#/properties/spec/properties/drift/properties/rules/items/properties/change/enum",keyword:"enum",params:{allowedValues: schema35.properties.spec.properties.drift.properties.rules.items.properties.change.enum},message:"must be equal to one of the allowed values",schema:schema35.properties.spec.properties.drift.properties.rules.items.properties.change.enum,parentSchema:schema35.properties.spec.properties.drift.properties.rules.items.properties.change,data:data44};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
if(data42.pinned !== undefined){
let data45 = data42.pinned;
if(typeof data45 !== "boolean"){
const err108 = {instancePath:instancePath+"/spec/drift/rules/" + i8+"/pinned",schemaPath:"#/properties/spec/properties/drift/properties/rules/items/properties/pinned/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema35.properties.spec.properties.drift.properties.rules.items.properties.pinned.type,parentSchema:schema35.properties.spec.properties.drift.properties.rules.items.properties.pinned,data:data45};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
if(data42.names !== undefined){
let data46 = data42.names;
if(Array.isArray(data46)){
const len6 = data46.length;
for(let i9=0; i9<len6; i9++){
let data47 = data46[i9];
if(typeof data47 === "string"){
if(func1(data47) > 128){
const err109 = {instancePath:instancePath+"/spec/drift/rules/" + i8+"/names/" + i9,schemaPath:"#/properties/spec/properties/drift/properties/rules/items/properties/names/items/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema35.properties.spec.properties.drift.properties.rules.items.properties.names.items,data:data47};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
else {
const err110 = {instancePath:instancePath+"/spec/drift/rules/" + i8+"/names/" + i9,schemaPath:"#/properties/spec/properties/drift/properties/rules/items/properties/names/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.drift.properties.rules.items.properties.names.items.type,parentSchema:schema35.properties.spec.properties.drift.properties.rules.items.properties.names.items,data:data47};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
}
else {
const err111 = {instancePath:instancePath+"/spec/drift/rules/" + i8+"/names",schemaPath:"#/properties/spec/properties/drift/properties/rules/items/properties/names/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.spec.properties.drift.properties.rules.items.properties.names.type,parentSchema:schema35.properties.spec.properties.drift.properties.rules.items.properties.names,data:data46};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
if(data42.severity !== undefined){
let data48 = data42.severity;
if(typeof data48 !== "string"){
const err112 = {instancePath:instancePath+"/spec/drift/rules/" + i8+"/severity",schemaPath:"#/properties/spec/properties/drift/properties/rules/items/properties/severity/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.drift.properties.rules.items.properties.severity.type,parentSchema:schema35.properties.spec.properties.drift.properties.rules.items.properties.severity,data:data48};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
if(!(((data48 === "minor") || (data48 === "critical")) || (data48 === "ignore"))){
const err113 = {instancePath:instancePath+"/spec/drift/rules/" + i8+"/severity",schemaPath:"#/properties/spec/properties/drift/properties/rules/items/properties/severity/enum",keyword:"enum",params:{allowedValues: schema35.properties.spec.properties.drift.properties.rules.items.properties.severity.enum},message:"must be equal to one of the allowed values",schema:schema35.properties.spec.properties.drift.properties.rules.items.properties.severity.enum,parentSchema:schema35.properties.spec.properties.drift.properties.rules.items.properties.severity,data:data48};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
}
else {
const err114 = {instancePath:instancePath+"/spec/drift/rules/" + i8,schemaPath:"#/properties/spec/properties/drift/properties/rules/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.spec.properties.drift.properties.rules.items.type,parentSchema:schema35.properties.spec.properties.drift.properties.rules.items,data:data42};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
}
else {
const err115 = {instancePath:instancePath+"/spec/drift/rules",schemaPath:"#/properties/spec/properties/drift/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.spec.properties.drift.properties.rules.type,parentSchema:schema35.properties.spec.properties.drift.properties.rules,data:data41};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
}
else {
const err116 = {instancePath:instancePath+"/spec/drift",schemaPath:"#/properties/spec/properties/drift/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.spec.properties.drift.type,parentSchema:schema35.properties.spec.properties.drift,data:data37};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
if(data7.snapshots !== undefined){
let data49 = data7.snapshots;
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
if(data49.schedule === undefined){
const err117 = {instancePath:instancePath+"/spec/snapshots",schemaPath:"#/properties/spec/properties/snapshots/required",keyword:"required",params:{missingProperty: "schedule"},message:"must have required property '"+"schedule"+"'",schema:schema35.properties.spec.properties.snapshots.required,parentSchema:schema35.properties.spec.properties.snapshots,data:data49};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
for(const key11 in data49){
if(!((((key11 === "schedule") || (key11 === "keep")) || (key11 === "include")) || (key11 === "paused"))){
const err118 = {instancePath:instancePath+"/spec/snapshots",schemaPath:"#/properties/spec/properties/snapshots/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.spec.properties.snapshots,data:data49};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
if(data49.schedule !== undefined){
let data50 = data49.schedule;
if(typeof data50 === "string"){
if(func1(data50) > 100){
const err119 = {instancePath:instancePath+"/spec/snapshots/schedule",schemaPath:"#/properties/spec/properties/snapshots/properties/schedule/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema35.properties.spec.properties.snapshots.properties.schedule,data:data50};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
if(func1(data50) < 1){
const err120 = {instancePath:instancePath+"/spec/snapshots/schedule",schemaPath:"#/properties/spec/properties/snapshots/properties/schedule/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35.properties.spec.properties.snapshots.properties.schedule,data:data50};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
else {
const err121 = {instancePath:instancePath+"/spec/snapshots/schedule",schemaPath:"#/properties/spec/properties/snapshots/properties/schedule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.snapshots.properties.schedule.type,parentSchema:schema35.properties.spec.properties.snapshots.properties.schedule,data:data50};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
if(data49.keep !== undefined){
let data51 = data49.keep;
if(data51 && typeof data51 == "object" && !Array.isArray(data51)){
for(const key12 in data51){
if(!(((key12 === "daily") || (key12 === "weekly")) || (key12 === "monthly"))){
const err122 = {instancePath:instancePath+"/spec/snapshots/keep",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.spec.properties.snapshots.properties.keep,data:data51};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
if(data51.daily !== undefined){
let data52 = data51.daily;
if(!(((typeof data52 == "number") && (!(data52 % 1) && !isNaN(data52))) && (isFinite(data52)))){
const err123 = {instancePath:instancePath+"/spec/snapshots/keep/daily",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/daily/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.spec.properties.snapshots.properties.keep.properties.daily.type,parentSchema:schema35.properties.spec.properties.snapshots.properties.keep.properties.daily,data:data52};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
if((typeof data52 == "number") && (isFinite(data52))){
if(data52 > 1000 || isNaN(data52)){
const err124 = {instancePath:instancePath+"/spec/snapshots/keep/daily",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/daily/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema35.properties.spec.properties.snapshots.properties.keep.properties.daily,data:data52};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
if(data52 < 0 || isNaN(data52)){
const err125 = {instancePath:instancePath+"/spec/snapshots/keep/daily",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/daily/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema35.properties.spec.properties.snapshots.properties.keep.properties.daily,data:data52};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
}
if(data51.weekly !== undefined){
let data53 = data51.weekly;
if(!(((typeof data53 == "number") && (!(data53 % 1) && !isNaN(data53))) && (isFinite(data53)))){
const err126 = {instancePath:instancePath+"/spec/snapshots/keep/weekly",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/weekly/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.spec.properties.snapshots.properties.keep.properties.weekly.type,parentSchema:schema35.properties.spec.properties.snapshots.properties.keep.properties.weekly,data:data53};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
if((typeof data53 == "number") && (isFinite(data53))){
if(data53 > 1000 || isNaN(data53)){
const err127 = {instancePath:instancePath+"/spec/snapshots/keep/weekly",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/weekly/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema35.properties.spec.properties.snapshots.properties.keep.properties.weekly,data:data53};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
if(data53 < 0 || isNaN(data53)){
const err128 = {instancePath:instancePath+"/spec/snapshots/keep/weekly",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/weekly/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema35.properties.spec.properties.snapshots.properties.keep.properties.weekly,data:data53};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
}
if(data51.monthly !== undefined){
let data54 = data51.monthly;
if(!(((typeof data54 == "number") && (!(data54 % 1) && !isNaN(data54))) && (isFinite(data54)))){
const err129 = {instancePath:instancePath+"/spec/snapshots/keep/monthly",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/monthly/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.spec.properties.snapshots.properties.keep.properties.monthly.type,parentSchema:schema35.properties.spec.properties.snapshots.properties.keep.properties.monthly,data:data54};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
if((typeof data54 == "number") && (isFinite(data54))){
if(data54 > 1000 || isNaN(data54)){
const err130 = {instancePath:instancePath+"/spec/snapshots/keep/monthly",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/monthly/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema35.properties.spec.properties.snapshots.properties.keep.properties.monthly,data:data54};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
if(data54 < 0 || isNaN(data54)){
const err131 = {instancePath:instancePath+"/spec/snapshots/keep/monthly",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/properties/monthly/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema35.properties.spec.properties.snapshots.properties.keep.properties.monthly,data:data54};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
}
}
else {
const err132 = {instancePath:instancePath+"/spec/snapshots/keep",schemaPath:"#/properties/spec/properties/snapshots/properties/keep/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.spec.properties.snapshots.properties.keep.type,parentSchema:schema35.properties.spec.properties.snapshots.properties.keep,data:data51};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
if(data49.include !== undefined){
let data55 = data49.include;
if(data55 && typeof data55 == "object" && !Array.isArray(data55)){
for(const key13 in data55){
if(!((key13 === "packages") || (key13 === "home"))){
const err133 = {instancePath:instancePath+"/spec/snapshots/include",schemaPath:"#/properties/spec/properties/snapshots/properties/include/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.spec.properties.snapshots.properties.include,data:data55};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
if(data55.packages !== undefined){
let data56 = data55.packages;
if(typeof data56 !== "boolean"){
const err134 = {instancePath:instancePath+"/spec/snapshots/include/packages",schemaPath:"#/properties/spec/properties/snapshots/properties/include/properties/packages/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema35.properties.spec.properties.snapshots.properties.include.properties.packages.type,parentSchema:schema35.properties.spec.properties.snapshots.properties.include.properties.packages,data:data56};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
if(data55.home !== undefined){
let data57 = data55.home;
if(typeof data57 !== "boolean"){
const err135 = {instancePath:instancePath+"/spec/snapshots/include/home",schemaPath:"#/properties/spec/properties/snapshots/properties/include/properties/home/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema35.properties.spec.properties.snapshots.properties.include.properties.home.type,parentSchema:schema35.properties.spec.properties.snapshots.properties.include.properties.home,data:data57};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
}
else {
const err136 = {instancePath:instancePath+"/spec/snapshots/include",schemaPath:"#/properties/spec/properties/snapshots/properties/include/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.spec.properties.snapshots.properties.include.type,parentSchema:schema35.properties.spec.properties.snapshots.properties.include,data:data55};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
if(data49.paused !== undefined){
let data58 = data49.paused;
if(typeof data58 !== "boolean"){
const err137 = {instancePath:instancePath+"/spec/snapshots/paused",schemaPath:"#/properties/spec/properties/snapshots/properties/paused/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema35.properties.spec.properties.snapshots.properties.paused.type,parentSchema:schema35.properties.spec.properties.snapshots.properties.paused,data:data58};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
}
else {
const err138 = {instancePath:instancePath+"/spec/snapshots",schemaPath:"#/properties/spec/properties/snapshots/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.spec.properties.snapshots.type,parentSchema:schema35.properties.spec.properties.snapshots,data:data49};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
}
else {
const err139 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.spec.type,parentSchema:schema35.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
}
else {
const err140 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}
validate24.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const Observation = validate25;
const schema36 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://labenv.westtek.io/schemas/v1/observation.schema.json","title":"Observation","description":"What the labenv agent saw inside a running Jupyter container: installed packages, kernels, extensions and config hashes. Written to the object store; drift detection compares it with the lock.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"labenv.westtek.io/v1","description":"The labenv document format version. Always `labenv.westtek.io/v1`."},"kind":{"const":"Observation","description":"The document kind: `Observation`."},"metadata":{"type":"object","additionalProperties":false,"required":["lab","environment","observedAt","source"],"properties":{"lab":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"A lower-case name that is safe as a path segment and a DNS label: letters, digits and inner hyphens, at most 63 characters."},"environment":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"A lower-case name that is safe as a path segment and a DNS label: letters, digits and inner hyphens, at most 63 characters."},"observedAt":{"type":"string","format":"date-time","description":"When the observation was made (UTC)."},"source":{"type":"string","enum":["agent","sandbox"],"description":"`agent`: the in-container agent; `sandbox`: the local simulation."},"task":{"type":"string","description":"The task (ARN or sandbox id) that was observed."},"host":{"type":"string"}}},"spec":{"type":"object","additionalProperties":false,"required":["packages","kernels","extensions","jupyterConfig"],"properties":{"python":{"type":"string","pattern":"^3\\.[0-9]{1,2}\\.[0-9]{1,2}$","description":"An exact CPython version, e.g. `3.11.9`."},"packages":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["name","version"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$","description":"A Python distribution name normalized per PEP 503 (lower case, runs of `-`, `_`, `.` written as one `-`)."},"version":{"type":"string","minLength":1,"maxLength":64,"description":"The installed version."},"installer":{"type":"string","description":"Which tool installed it (pip, conda, uv)."},"requested":{"type":"boolean","description":"True when a user asked for it rather than it coming in as a dependency."},"location":{"type":"string","description":"Where it is installed (site-packages path)."}}},"description":"Every installed distribution, as `pip inspect` reports it."},"kernels":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["name","language"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,63}$","description":"The kernelspec name Jupyter uses (`python3`, `ir`, `julia-1.10`)."},"language":{"type":"string","enum":["python","R","julia"],"description":"The kernel's language."},"displayName":{"type":"string","maxLength":128,"description":"The name shown in JupyterLab's launcher."},"version":{"type":"string","maxLength":32,"description":"The language runtime version the kernel runs (R 4.4.1, Julia 1.10.5)."}}},"description":"Kernelspecs, as `jupyter kernelspec list --json` reports them."},"extensions":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["name","version"],"properties":{"name":{"type":"string","pattern":"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$","description":"The JupyterLab extension's npm package name."},"version":{"type":"string","pattern":"^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$","description":"The exact extension version."}}},"description":"JupyterLab extensions found in the labextensions directories."},"jupyterConfig":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["key","sha256"],"properties":{"key":{"type":"string","description":"The setting, `Section.option` or a config file path."},"sha256":{"type":"string","pattern":"^[a-f0-9]{64}$","description":"sha256 of the setting's canonical JSON value (or of the file's bytes)."}}},"description":"Hashes of the Jupyter config values and files found."},"rPackages":{"type":"array","maxItems":20000,"description":"The R packages installed in the image's site libraries (R's base and recommended packages left out), from their DESCRIPTION files; absent when the image has no R.","items":{"type":"object","additionalProperties":false,"required":["name","version"],"properties":{"name":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9.]{0,127}$","description":"The package name (its DESCRIPTION's Package)."},"version":{"type":"string","minLength":1,"maxLength":64,"description":"The installed version (its DESCRIPTION's Version)."}}}},"juliaPackages":{"type":"array","maxItems":20000,"description":"The Julia packages of the image's Julia project (`$JULIA_PROJECT`), from its Manifest.toml, each whose package directory is in one of Julia's depots (standard libraries left out); absent when the image has no Julia project.","items":{"type":"object","additionalProperties":false,"required":["name","version","gitTreeSha1"],"properties":{"name":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9_]{0,127}$","description":"The package name (its Manifest.toml entry)."},"version":{"type":"string","minLength":1,"maxLength":64,"description":"The version the manifest gives."},"gitTreeSha1":{"type":"string","pattern":"^[0-9a-f]{40}$","description":"The manifest's git-tree-sha1 of the installed tree."}}}}}}}};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://labenv.westtek.io/schemas/v1/observation.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("labenv.westtek.io/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "labenv.westtek.io/v1"},message:"must be equal to constant",schema:"labenv.westtek.io/v1",parentSchema:schema36.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("Observation" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Observation"},message:"must be equal to constant",schema:"Observation",parentSchema:schema36.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.lab === undefined){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "lab"},message:"must have required property '"+"lab"+"'",schema:schema36.properties.metadata.required,parentSchema:schema36.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data2.environment === undefined){
const err8 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "environment"},message:"must have required property '"+"environment"+"'",schema:schema36.properties.metadata.required,parentSchema:schema36.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data2.observedAt === undefined){
const err9 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "observedAt"},message:"must have required property '"+"observedAt"+"'",schema:schema36.properties.metadata.required,parentSchema:schema36.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data2.source === undefined){
const err10 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema36.properties.metadata.required,parentSchema:schema36.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
for(const key1 in data2){
if(!((((((key1 === "lab") || (key1 === "environment")) || (key1 === "observedAt")) || (key1 === "source")) || (key1 === "task")) || (key1 === "host"))){
const err11 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema36.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.lab !== undefined){
let data3 = data2.lab;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err12 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema36.properties.metadata.properties.lab,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.metadata.properties.lab.type,parentSchema:schema36.properties.metadata.properties.lab,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data2.environment !== undefined){
let data4 = data2.environment;
if(typeof data4 === "string"){
if(!pattern4.test(data4)){
const err14 = {instancePath:instancePath+"/metadata/environment",schemaPath:"#/properties/metadata/properties/environment/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema36.properties.metadata.properties.environment,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/metadata/environment",schemaPath:"#/properties/metadata/properties/environment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.metadata.properties.environment.type,parentSchema:schema36.properties.metadata.properties.environment,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data2.observedAt !== undefined){
let data5 = data2.observedAt;
if(typeof data5 === "string"){
if(!(formats2.validate(data5))){
const err16 = {instancePath:instancePath+"/metadata/observedAt",schemaPath:"#/properties/metadata/properties/observedAt/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema36.properties.metadata.properties.observedAt,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/metadata/observedAt",schemaPath:"#/properties/metadata/properties/observedAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.metadata.properties.observedAt.type,parentSchema:schema36.properties.metadata.properties.observedAt,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data2.source !== undefined){
let data6 = data2.source;
if(typeof data6 !== "string"){
const err18 = {instancePath:instancePath+"/metadata/source",schemaPath:"#/properties/metadata/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.metadata.properties.source.type,parentSchema:schema36.properties.metadata.properties.source,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!((data6 === "agent") || (data6 === "sandbox"))){
const err19 = {instancePath:instancePath+"/metadata/source",schemaPath:"#/properties/metadata/properties/source/enum",keyword:"enum",params:{allowedValues: schema36.properties.metadata.properties.source.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.metadata.properties.source.enum,parentSchema:schema36.properties.metadata.properties.source,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data2.task !== undefined){
let data7 = data2.task;
if(typeof data7 !== "string"){
const err20 = {instancePath:instancePath+"/metadata/task",schemaPath:"#/properties/metadata/properties/task/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.metadata.properties.task.type,parentSchema:schema36.properties.metadata.properties.task,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data2.host !== undefined){
let data8 = data2.host;
if(typeof data8 !== "string"){
const err21 = {instancePath:instancePath+"/metadata/host",schemaPath:"#/properties/metadata/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.metadata.properties.host.type,parentSchema:schema36.properties.metadata.properties.host,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.properties.metadata.type,parentSchema:schema36.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.spec !== undefined){
let data9 = data.spec;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.packages === undefined){
const err23 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "packages"},message:"must have required property '"+"packages"+"'",schema:schema36.properties.spec.required,parentSchema:schema36.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data9.kernels === undefined){
const err24 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "kernels"},message:"must have required property '"+"kernels"+"'",schema:schema36.properties.spec.required,parentSchema:schema36.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data9.extensions === undefined){
const err25 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "extensions"},message:"must have required property '"+"extensions"+"'",schema:schema36.properties.spec.required,parentSchema:schema36.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data9.jupyterConfig === undefined){
const err26 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "jupyterConfig"},message:"must have required property '"+"jupyterConfig"+"'",schema:schema36.properties.spec.required,parentSchema:schema36.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
for(const key2 in data9){
if(!(((((((key2 === "python") || (key2 === "packages")) || (key2 === "kernels")) || (key2 === "extensions")) || (key2 === "jupyterConfig")) || (key2 === "rPackages")) || (key2 === "juliaPackages"))){
const err27 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema36.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data9.python !== undefined){
let data10 = data9.python;
if(typeof data10 === "string"){
if(!pattern13.test(data10)){
const err28 = {instancePath:instancePath+"/spec/python",schemaPath:"#/properties/spec/properties/python/pattern",keyword:"pattern",params:{pattern: "^3\\.[0-9]{1,2}\\.[0-9]{1,2}$"},message:"must match pattern \""+"^3\\.[0-9]{1,2}\\.[0-9]{1,2}$"+"\"",schema:"^3\\.[0-9]{1,2}\\.[0-9]{1,2}$",parentSchema:schema36.properties.spec.properties.python,data:data10};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/spec/python",schemaPath:"#/properties/spec/properties/python/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.python.type,parentSchema:schema36.properties.spec.properties.python,data:data10};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data9.packages !== undefined){
let data11 = data9.packages;
if(Array.isArray(data11)){
const len0 = data11.length;
for(let i0=0; i0<len0; i0++){
let data12 = data11[i0];
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.name === undefined){
const err30 = {instancePath:instancePath+"/spec/packages/" + i0,schemaPath:"#/properties/spec/properties/packages/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema36.properties.spec.properties.packages.items.required,parentSchema:schema36.properties.spec.properties.packages.items,data:data12};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data12.version === undefined){
const err31 = {instancePath:instancePath+"/spec/packages/" + i0,schemaPath:"#/properties/spec/properties/packages/items/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema36.properties.spec.properties.packages.items.required,parentSchema:schema36.properties.spec.properties.packages.items,data:data12};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
for(const key3 in data12){
if(!(((((key3 === "name") || (key3 === "version")) || (key3 === "installer")) || (key3 === "requested")) || (key3 === "location"))){
const err32 = {instancePath:instancePath+"/spec/packages/" + i0,schemaPath:"#/properties/spec/properties/packages/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema36.properties.spec.properties.packages.items,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data12.name !== undefined){
let data13 = data12.name;
if(typeof data13 === "string"){
if(!pattern14.test(data13)){
const err33 = {instancePath:instancePath+"/spec/packages/" + i0+"/name",schemaPath:"#/properties/spec/properties/packages/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",parentSchema:schema36.properties.spec.properties.packages.items.properties.name,data:data13};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/spec/packages/" + i0+"/name",schemaPath:"#/properties/spec/properties/packages/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.packages.items.properties.name.type,parentSchema:schema36.properties.spec.properties.packages.items.properties.name,data:data13};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data12.version !== undefined){
let data14 = data12.version;
if(typeof data14 === "string"){
if(func1(data14) > 64){
const err35 = {instancePath:instancePath+"/spec/packages/" + i0+"/version",schemaPath:"#/properties/spec/properties/packages/items/properties/version/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema36.properties.spec.properties.packages.items.properties.version,data:data14};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(func1(data14) < 1){
const err36 = {instancePath:instancePath+"/spec/packages/" + i0+"/version",schemaPath:"#/properties/spec/properties/packages/items/properties/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema36.properties.spec.properties.packages.items.properties.version,data:data14};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/spec/packages/" + i0+"/version",schemaPath:"#/properties/spec/properties/packages/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.packages.items.properties.version.type,parentSchema:schema36.properties.spec.properties.packages.items.properties.version,data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data12.installer !== undefined){
let data15 = data12.installer;
if(typeof data15 !== "string"){
const err38 = {instancePath:instancePath+"/spec/packages/" + i0+"/installer",schemaPath:"#/properties/spec/properties/packages/items/properties/installer/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.packages.items.properties.installer.type,parentSchema:schema36.properties.spec.properties.packages.items.properties.installer,data:data15};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data12.requested !== undefined){
let data16 = data12.requested;
if(typeof data16 !== "boolean"){
const err39 = {instancePath:instancePath+"/spec/packages/" + i0+"/requested",schemaPath:"#/properties/spec/properties/packages/items/properties/requested/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema36.properties.spec.properties.packages.items.properties.requested.type,parentSchema:schema36.properties.spec.properties.packages.items.properties.requested,data:data16};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data12.location !== undefined){
let data17 = data12.location;
if(typeof data17 !== "string"){
const err40 = {instancePath:instancePath+"/spec/packages/" + i0+"/location",schemaPath:"#/properties/spec/properties/packages/items/properties/location/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.packages.items.properties.location.type,parentSchema:schema36.properties.spec.properties.packages.items.properties.location,data:data17};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath:instancePath+"/spec/packages/" + i0,schemaPath:"#/properties/spec/properties/packages/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.properties.spec.properties.packages.items.type,parentSchema:schema36.properties.spec.properties.packages.items,data:data12};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
else {
const err42 = {instancePath:instancePath+"/spec/packages",schemaPath:"#/properties/spec/properties/packages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema36.properties.spec.properties.packages.type,parentSchema:schema36.properties.spec.properties.packages,data:data11};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data9.kernels !== undefined){
let data18 = data9.kernels;
if(Array.isArray(data18)){
const len1 = data18.length;
for(let i1=0; i1<len1; i1++){
let data19 = data18[i1];
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.name === undefined){
const err43 = {instancePath:instancePath+"/spec/kernels/" + i1,schemaPath:"#/properties/spec/properties/kernels/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema36.properties.spec.properties.kernels.items.required,parentSchema:schema36.properties.spec.properties.kernels.items,data:data19};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(data19.language === undefined){
const err44 = {instancePath:instancePath+"/spec/kernels/" + i1,schemaPath:"#/properties/spec/properties/kernels/items/required",keyword:"required",params:{missingProperty: "language"},message:"must have required property '"+"language"+"'",schema:schema36.properties.spec.properties.kernels.items.required,parentSchema:schema36.properties.spec.properties.kernels.items,data:data19};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
for(const key4 in data19){
if(!((((key4 === "name") || (key4 === "language")) || (key4 === "displayName")) || (key4 === "version"))){
const err45 = {instancePath:instancePath+"/spec/kernels/" + i1,schemaPath:"#/properties/spec/properties/kernels/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema36.properties.spec.properties.kernels.items,data:data19};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data19.name !== undefined){
let data20 = data19.name;
if(typeof data20 === "string"){
if(!pattern20.test(data20)){
const err46 = {instancePath:instancePath+"/spec/kernels/" + i1+"/name",schemaPath:"#/properties/spec/properties/kernels/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]{0,63}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]{0,63}$"+"\"",schema:"^[a-z0-9][a-z0-9._-]{0,63}$",parentSchema:schema36.properties.spec.properties.kernels.items.properties.name,data:data20};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/spec/kernels/" + i1+"/name",schemaPath:"#/properties/spec/properties/kernels/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.kernels.items.properties.name.type,parentSchema:schema36.properties.spec.properties.kernels.items.properties.name,data:data20};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data19.language !== undefined){
let data21 = data19.language;
if(typeof data21 !== "string"){
const err48 = {instancePath:instancePath+"/spec/kernels/" + i1+"/language",schemaPath:"#/properties/spec/properties/kernels/items/properties/language/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.kernels.items.properties.language.type,parentSchema:schema36.properties.spec.properties.kernels.items.properties.language,data:data21};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(!(((data21 === "python") || (data21 === "R")) || (data21 === "julia"))){
const err49 = {instancePath:instancePath+"/spec/kernels/" + i1+"/language",schemaPath:"#/properties/spec/properties/kernels/items/properties/language/enum",keyword:"enum",params:{allowedValues: schema36.properties.spec.properties.kernels.items.properties.language.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.spec.properties.kernels.items.properties.language.enum,parentSchema:schema36.properties.spec.properties.kernels.items.properties.language,data:data21};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data19.displayName !== undefined){
let data22 = data19.displayName;
if(typeof data22 === "string"){
if(func1(data22) > 128){
const err50 = {instancePath:instancePath+"/spec/kernels/" + i1+"/displayName",schemaPath:"#/properties/spec/properties/kernels/items/properties/displayName/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema36.properties.spec.properties.kernels.items.properties.displayName,data:data22};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/spec/kernels/" + i1+"/displayName",schemaPath:"#/properties/spec/properties/kernels/items/properties/displayName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.kernels.items.properties.displayName.type,parentSchema:schema36.properties.spec.properties.kernels.items.properties.displayName,data:data22};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data19.version !== undefined){
let data23 = data19.version;
if(typeof data23 === "string"){
if(func1(data23) > 32){
const err52 = {instancePath:instancePath+"/spec/kernels/" + i1+"/version",schemaPath:"#/properties/spec/properties/kernels/items/properties/version/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema36.properties.spec.properties.kernels.items.properties.version,data:data23};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/spec/kernels/" + i1+"/version",schemaPath:"#/properties/spec/properties/kernels/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.kernels.items.properties.version.type,parentSchema:schema36.properties.spec.properties.kernels.items.properties.version,data:data23};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath:instancePath+"/spec/kernels/" + i1,schemaPath:"#/properties/spec/properties/kernels/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.properties.spec.properties.kernels.items.type,parentSchema:schema36.properties.spec.properties.kernels.items,data:data19};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
else {
const err55 = {instancePath:instancePath+"/spec/kernels",schemaPath:"#/properties/spec/properties/kernels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema36.properties.spec.properties.kernels.type,parentSchema:schema36.properties.spec.properties.kernels,data:data18};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data9.extensions !== undefined){
let data24 = data9.extensions;
if(Array.isArray(data24)){
const len2 = data24.length;
for(let i2=0; i2<len2; i2++){
let data25 = data24[i2];
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
if(data25.name === undefined){
const err56 = {instancePath:instancePath+"/spec/extensions/" + i2,schemaPath:"#/properties/spec/properties/extensions/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema36.properties.spec.properties.extensions.items.required,parentSchema:schema36.properties.spec.properties.extensions.items,data:data25};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(data25.version === undefined){
const err57 = {instancePath:instancePath+"/spec/extensions/" + i2,schemaPath:"#/properties/spec/properties/extensions/items/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema36.properties.spec.properties.extensions.items.required,parentSchema:schema36.properties.spec.properties.extensions.items,data:data25};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
for(const key5 in data25){
if(!((key5 === "name") || (key5 === "version"))){
const err58 = {instancePath:instancePath+"/spec/extensions/" + i2,schemaPath:"#/properties/spec/properties/extensions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema36.properties.spec.properties.extensions.items,data:data25};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data25.name !== undefined){
let data26 = data25.name;
if(typeof data26 === "string"){
if(!pattern21.test(data26)){
const err59 = {instancePath:instancePath+"/spec/extensions/" + i2+"/name",schemaPath:"#/properties/spec/properties/extensions/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$"},message:"must match pattern \""+"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$"+"\"",schema:"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$",parentSchema:schema36.properties.spec.properties.extensions.items.properties.name,data:data26};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
else {
const err60 = {instancePath:instancePath+"/spec/extensions/" + i2+"/name",schemaPath:"#/properties/spec/properties/extensions/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.extensions.items.properties.name.type,parentSchema:schema36.properties.spec.properties.extensions.items.properties.name,data:data26};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data25.version !== undefined){
let data27 = data25.version;
if(typeof data27 === "string"){
if(!pattern22.test(data27)){
const err61 = {instancePath:instancePath+"/spec/extensions/" + i2+"/version",schemaPath:"#/properties/spec/properties/extensions/items/properties/version/pattern",keyword:"pattern",params:{pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$"},message:"must match pattern \""+"^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$"+"\"",schema:"^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$",parentSchema:schema36.properties.spec.properties.extensions.items.properties.version,data:data27};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
else {
const err62 = {instancePath:instancePath+"/spec/extensions/" + i2+"/version",schemaPath:"#/properties/spec/properties/extensions/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.extensions.items.properties.version.type,parentSchema:schema36.properties.spec.properties.extensions.items.properties.version,data:data27};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
else {
const err63 = {instancePath:instancePath+"/spec/extensions/" + i2,schemaPath:"#/properties/spec/properties/extensions/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.properties.spec.properties.extensions.items.type,parentSchema:schema36.properties.spec.properties.extensions.items,data:data25};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
else {
const err64 = {instancePath:instancePath+"/spec/extensions",schemaPath:"#/properties/spec/properties/extensions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema36.properties.spec.properties.extensions.type,parentSchema:schema36.properties.spec.properties.extensions,data:data24};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data9.jupyterConfig !== undefined){
let data28 = data9.jupyterConfig;
if(Array.isArray(data28)){
const len3 = data28.length;
for(let i3=0; i3<len3; i3++){
let data29 = data28[i3];
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
if(data29.key === undefined){
const err65 = {instancePath:instancePath+"/spec/jupyterConfig/" + i3,schemaPath:"#/properties/spec/properties/jupyterConfig/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema36.properties.spec.properties.jupyterConfig.items.required,parentSchema:schema36.properties.spec.properties.jupyterConfig.items,data:data29};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
if(data29.sha256 === undefined){
const err66 = {instancePath:instancePath+"/spec/jupyterConfig/" + i3,schemaPath:"#/properties/spec/properties/jupyterConfig/items/required",keyword:"required",params:{missingProperty: "sha256"},message:"must have required property '"+"sha256"+"'",schema:schema36.properties.spec.properties.jupyterConfig.items.required,parentSchema:schema36.properties.spec.properties.jupyterConfig.items,data:data29};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
for(const key6 in data29){
if(!((key6 === "key") || (key6 === "sha256"))){
const err67 = {instancePath:instancePath+"/spec/jupyterConfig/" + i3,schemaPath:"#/properties/spec/properties/jupyterConfig/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema36.properties.spec.properties.jupyterConfig.items,data:data29};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data29.key !== undefined){
let data30 = data29.key;
if(typeof data30 !== "string"){
const err68 = {instancePath:instancePath+"/spec/jupyterConfig/" + i3+"/key",schemaPath:"#/properties/spec/properties/jupyterConfig/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.jupyterConfig.items.properties.key.type,parentSchema:schema36.properties.spec.properties.jupyterConfig.items.properties.key,data:data30};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data29.sha256 !== undefined){
let data31 = data29.sha256;
if(typeof data31 === "string"){
if(!pattern67.test(data31)){
const err69 = {instancePath:instancePath+"/spec/jupyterConfig/" + i3+"/sha256",schemaPath:"#/properties/spec/properties/jupyterConfig/items/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[a-f0-9]{64}$"},message:"must match pattern \""+"^[a-f0-9]{64}$"+"\"",schema:"^[a-f0-9]{64}$",parentSchema:schema36.properties.spec.properties.jupyterConfig.items.properties.sha256,data:data31};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
else {
const err70 = {instancePath:instancePath+"/spec/jupyterConfig/" + i3+"/sha256",schemaPath:"#/properties/spec/properties/jupyterConfig/items/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.jupyterConfig.items.properties.sha256.type,parentSchema:schema36.properties.spec.properties.jupyterConfig.items.properties.sha256,data:data31};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
else {
const err71 = {instancePath:instancePath+"/spec/jupyterConfig/" + i3,schemaPath:"#/properties/spec/properties/jupyterConfig/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.properties.spec.properties.jupyterConfig.items.type,parentSchema:schema36.properties.spec.properties.jupyterConfig.items,data:data29};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
}
else {
const err72 = {instancePath:instancePath+"/spec/jupyterConfig",schemaPath:"#/properties/spec/properties/jupyterConfig/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema36.properties.spec.properties.jupyterConfig.type,parentSchema:schema36.properties.spec.properties.jupyterConfig,data:data28};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data9.rPackages !== undefined){
let data32 = data9.rPackages;
if(Array.isArray(data32)){
if(data32.length > 20000){
const err73 = {instancePath:instancePath+"/spec/rPackages",schemaPath:"#/properties/spec/properties/rPackages/maxItems",keyword:"maxItems",params:{limit: 20000},message:"must NOT have more than 20000 items",schema:20000,parentSchema:schema36.properties.spec.properties.rPackages,data:data32};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
const len4 = data32.length;
for(let i4=0; i4<len4; i4++){
let data33 = data32[i4];
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
if(data33.name === undefined){
const err74 = {instancePath:instancePath+"/spec/rPackages/" + i4,schemaPath:"#/properties/spec/properties/rPackages/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema36.properties.spec.properties.rPackages.items.required,parentSchema:schema36.properties.spec.properties.rPackages.items,data:data33};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if(data33.version === undefined){
const err75 = {instancePath:instancePath+"/spec/rPackages/" + i4,schemaPath:"#/properties/spec/properties/rPackages/items/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema36.properties.spec.properties.rPackages.items.required,parentSchema:schema36.properties.spec.properties.rPackages.items,data:data33};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
for(const key7 in data33){
if(!((key7 === "name") || (key7 === "version"))){
const err76 = {instancePath:instancePath+"/spec/rPackages/" + i4,schemaPath:"#/properties/spec/properties/rPackages/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema36.properties.spec.properties.rPackages.items,data:data33};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data33.name !== undefined){
let data34 = data33.name;
if(typeof data34 === "string"){
if(!pattern18.test(data34)){
const err77 = {instancePath:instancePath+"/spec/rPackages/" + i4+"/name",schemaPath:"#/properties/spec/properties/rPackages/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9.]{0,127}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9.]{0,127}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9.]{0,127}$",parentSchema:schema36.properties.spec.properties.rPackages.items.properties.name,data:data34};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
else {
const err78 = {instancePath:instancePath+"/spec/rPackages/" + i4+"/name",schemaPath:"#/properties/spec/properties/rPackages/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.rPackages.items.properties.name.type,parentSchema:schema36.properties.spec.properties.rPackages.items.properties.name,data:data34};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
if(data33.version !== undefined){
let data35 = data33.version;
if(typeof data35 === "string"){
if(func1(data35) > 64){
const err79 = {instancePath:instancePath+"/spec/rPackages/" + i4+"/version",schemaPath:"#/properties/spec/properties/rPackages/items/properties/version/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema36.properties.spec.properties.rPackages.items.properties.version,data:data35};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
if(func1(data35) < 1){
const err80 = {instancePath:instancePath+"/spec/rPackages/" + i4+"/version",schemaPath:"#/properties/spec/properties/rPackages/items/properties/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema36.properties.spec.properties.rPackages.items.properties.version,data:data35};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
else {
const err81 = {instancePath:instancePath+"/spec/rPackages/" + i4+"/version",schemaPath:"#/properties/spec/properties/rPackages/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.rPackages.items.properties.version.type,parentSchema:schema36.properties.spec.properties.rPackages.items.properties.version,data:data35};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
}
else {
const err82 = {instancePath:instancePath+"/spec/rPackages/" + i4,schemaPath:"#/properties/spec/properties/rPackages/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.properties.spec.properties.rPackages.items.type,parentSchema:schema36.properties.spec.properties.rPackages.items,data:data33};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
}
else {
const err83 = {instancePath:instancePath+"/spec/rPackages",schemaPath:"#/properties/spec/properties/rPackages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema36.properties.spec.properties.rPackages.type,parentSchema:schema36.properties.spec.properties.rPackages,data:data32};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data9.juliaPackages !== undefined){
let data36 = data9.juliaPackages;
if(Array.isArray(data36)){
if(data36.length > 20000){
const err84 = {instancePath:instancePath+"/spec/juliaPackages",schemaPath:"#/properties/spec/properties/juliaPackages/maxItems",keyword:"maxItems",params:{limit: 20000},message:"must NOT have more than 20000 items",schema:20000,parentSchema:schema36.properties.spec.properties.juliaPackages,data:data36};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
const len5 = data36.length;
for(let i5=0; i5<len5; i5++){
let data37 = data36[i5];
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
if(data37.name === undefined){
const err85 = {instancePath:instancePath+"/spec/juliaPackages/" + i5,schemaPath:"#/properties/spec/properties/juliaPackages/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema36.properties.spec.properties.juliaPackages.items.required,parentSchema:schema36.properties.spec.properties.juliaPackages.items,data:data37};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if(data37.version === undefined){
const err86 = {instancePath:instancePath+"/spec/juliaPackages/" + i5,schemaPath:"#/properties/spec/properties/juliaPackages/items/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema36.properties.spec.properties.juliaPackages.items.required,parentSchema:schema36.properties.spec.properties.juliaPackages.items,data:data37};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
if(data37.gitTreeSha1 === undefined){
const err87 = {instancePath:instancePath+"/spec/juliaPackages/" + i5,schemaPath:"#/properties/spec/properties/juliaPackages/items/required",keyword:"required",params:{missingProperty: "gitTreeSha1"},message:"must have required property '"+"gitTreeSha1"+"'",schema:schema36.properties.spec.properties.juliaPackages.items.required,parentSchema:schema36.properties.spec.properties.juliaPackages.items,data:data37};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
for(const key8 in data37){
if(!(((key8 === "name") || (key8 === "version")) || (key8 === "gitTreeSha1"))){
const err88 = {instancePath:instancePath+"/spec/juliaPackages/" + i5,schemaPath:"#/properties/spec/properties/juliaPackages/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema36.properties.spec.properties.juliaPackages.items,data:data37};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data37.name !== undefined){
let data38 = data37.name;
if(typeof data38 === "string"){
if(!pattern74.test(data38)){
const err89 = {instancePath:instancePath+"/spec/juliaPackages/" + i5+"/name",schemaPath:"#/properties/spec/properties/juliaPackages/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_]{0,127}$",parentSchema:schema36.properties.spec.properties.juliaPackages.items.properties.name,data:data38};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
else {
const err90 = {instancePath:instancePath+"/spec/juliaPackages/" + i5+"/name",schemaPath:"#/properties/spec/properties/juliaPackages/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.juliaPackages.items.properties.name.type,parentSchema:schema36.properties.spec.properties.juliaPackages.items.properties.name,data:data38};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data37.version !== undefined){
let data39 = data37.version;
if(typeof data39 === "string"){
if(func1(data39) > 64){
const err91 = {instancePath:instancePath+"/spec/juliaPackages/" + i5+"/version",schemaPath:"#/properties/spec/properties/juliaPackages/items/properties/version/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema36.properties.spec.properties.juliaPackages.items.properties.version,data:data39};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
if(func1(data39) < 1){
const err92 = {instancePath:instancePath+"/spec/juliaPackages/" + i5+"/version",schemaPath:"#/properties/spec/properties/juliaPackages/items/properties/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema36.properties.spec.properties.juliaPackages.items.properties.version,data:data39};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
else {
const err93 = {instancePath:instancePath+"/spec/juliaPackages/" + i5+"/version",schemaPath:"#/properties/spec/properties/juliaPackages/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.juliaPackages.items.properties.version.type,parentSchema:schema36.properties.spec.properties.juliaPackages.items.properties.version,data:data39};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data37.gitTreeSha1 !== undefined){
let data40 = data37.gitTreeSha1;
if(typeof data40 === "string"){
if(!pattern72.test(data40)){
const err94 = {instancePath:instancePath+"/spec/juliaPackages/" + i5+"/gitTreeSha1",schemaPath:"#/properties/spec/properties/juliaPackages/items/properties/gitTreeSha1/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{40}$"},message:"must match pattern \""+"^[0-9a-f]{40}$"+"\"",schema:"^[0-9a-f]{40}$",parentSchema:schema36.properties.spec.properties.juliaPackages.items.properties.gitTreeSha1,data:data40};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
else {
const err95 = {instancePath:instancePath+"/spec/juliaPackages/" + i5+"/gitTreeSha1",schemaPath:"#/properties/spec/properties/juliaPackages/items/properties/gitTreeSha1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.spec.properties.juliaPackages.items.properties.gitTreeSha1.type,parentSchema:schema36.properties.spec.properties.juliaPackages.items.properties.gitTreeSha1,data:data40};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
}
else {
const err96 = {instancePath:instancePath+"/spec/juliaPackages/" + i5,schemaPath:"#/properties/spec/properties/juliaPackages/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.properties.spec.properties.juliaPackages.items.type,parentSchema:schema36.properties.spec.properties.juliaPackages.items,data:data37};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
}
else {
const err97 = {instancePath:instancePath+"/spec/juliaPackages",schemaPath:"#/properties/spec/properties/juliaPackages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema36.properties.spec.properties.juliaPackages.type,parentSchema:schema36.properties.spec.properties.juliaPackages,data:data36};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
}
else {
const err98 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.properties.spec.type,parentSchema:schema36.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
}
else {
const err99 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const RepoConfig = validate26;
const schema37 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://labenv.westtek.io/schemas/v1/labenv-config.schema.json","title":"RepoConfig","description":"The repository's configuration, `labenv.yaml` at the top: where environments run (the local sandbox or an AWS account), where state is kept and which Git host labenv talks to.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"labenv.westtek.io/v1","description":"The labenv document format version. Always `labenv.westtek.io/v1`."},"kind":{"const":"RepoConfig","description":"The document kind: `RepoConfig`."},"metadata":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The name of this labenv installation."}}},"spec":{"type":"object","additionalProperties":false,"required":["target"],"properties":{"target":{"type":"string","enum":["sandbox","aws"],"description":"`sandbox`: a local simulation of the AWS resources under `.labenv/` (no account needed); `aws`: a real AWS account."},"aws":{"type":"object","additionalProperties":false,"description":"The AWS account labenv manages (used when `target: aws`). These resources come from `infra/`; the reconciler never creates them.","properties":{"region":{"type":"string","pattern":"^[a-z]{2}(-gov)?-[a-z]+-[0-9]$","description":"The AWS region, e.g. `eu-west-1`."},"cluster":{"type":"string","minLength":1,"description":"The ECS cluster name."},"subnets":{"type":"array","items":{"type":"string","pattern":"^subnet-[0-9a-f]{8,17}$"},"description":"Private subnets for Jupyter tasks."},"securityGroups":{"type":"array","items":{"type":"string","pattern":"^sg-[0-9a-f]{8,17}$"},"description":"Security groups for Jupyter tasks."},"fileSystemId":{"type":"string","pattern":"^fs-[0-9a-f]{8,17}$","description":"The EFS file system holding research data."},"taskExecutionRoleArn":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$","description":"The ECS task execution role (pulls images, writes logs), from infra/."},"taskRoleArns":{"type":"object","additionalProperties":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"},"description":"The task role per lab (lab id → role ARN)."},"taskRoleBoundaryArn":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:policy/.+$","description":"The permissions boundary infra/ deploys for environment task roles (output TaskRoleBoundaryArn). With it, every environment's task wears its own role, created by the reconciler under this boundary, that may write only that environment's observations; without it, each lab's task role from taskRoleArns."},"logGroup":{"type":"string","description":"The CloudWatch Logs group for Jupyter containers."},"backupVaultName":{"type":"string","description":"The AWS Backup vault that holds EFS home snapshots."},"infrastructureRoleArn":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$","description":"The ECS infrastructure role that creates and attaches the managed EBS volume at /opt/jupyter (an output of infra/; LABENV_ECS_INFRASTRUCTURE_ROLE_ARN in the Lambda)."},"backupRoleArn":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$","description":"The role AWS Backup assumes to back up and restore EFS."},"restoreMoveRoleArn":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$","description":"The task role of a home restore's one-off move task, which sees the file system root through an access point made for it alone (an output of infra/; LABENV_RESTORE_MOVE_ROLE_ARN in the Lambda). Without it, a restored home's files stay where AWS Backup put them."},"imageBuildProject":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$","description":"The CodeBuild project that builds environment images (an output of infra/; LABENV_IMAGE_BUILD_PROJECT in the Lambda). With buildContextBucket, each environment runs its own image built from its lock."},"buildContextBucket":{"type":"string","pattern":"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$","description":"The S3 bucket build contexts are uploaded to, under build-contexts/<digest>/ (an output of infra/; LABENV_BUILD_CONTEXT_BUCKET in the Lambda)."},"endpoint":{"type":"string","format":"uri","description":"Send every AWS call to this endpoint instead of AWS (for a local AWS API implementation in tests)."},"vpcId":{"type":"string","pattern":"^vpc-[0-9a-f]{8,17}$","description":"The VPC the Jupyter tasks and the load balancer are in: environments' target groups are created in it (an output of infra/)."},"listenerArn":{"type":"string","pattern":"^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:listener/app/.+$","description":"The load balancer listener the reconciler adds one rule per environment to (an output of infra/; LABENV_LISTENER_ARN in the Lambda)."},"wakeTargetGroupArn":{"type":"string","pattern":"^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:targetgroup/.+$","description":"The target group of the wake page (a Lambda, from infra/): a stopped environment's rule forwards there (LABENV_WAKE_TARGET_GROUP_ARN in the Lambda)."}}},"access":{"type":"object","additionalProperties":false,"description":"Researcher access: with this section every environment gets an address under the load balancer (`/<lab>/<env>/`), a target group and a listener rule, and its task runs the authorizer in front of Jupyter. Without it nothing is routed.","properties":{"address":{"type":"string","format":"uri","pattern":"^https?://","description":"Where researchers reach the load balancer, e.g. `https://jupyter.westtek.edu` (printed by `labenv open`). In the sandbox the local gateway's own address is used."},"memberClaim":{"type":"string","minLength":1,"default":"preferred_username","description":"The claim of the signed-in identity that holds the `lab.yaml` member id."},"authorizerImage":{"type":"string","pattern":"^[a-z0-9][a-z0-9./:_-]*@sha256:[0-9a-f]{64}$","description":"The authorizer image by digest, run next to Jupyter in every task with researcher access (required with `target: aws`; the sandbox simulates it)."},"signIn":{"type":"object","additionalProperties":false,"required":["userPoolArn","userPoolClientId","userPoolDomain"],"description":"Sign-in through the load balancer: every environment's listener rule authenticates with this Cognito user pool (federated with the institution's directory) before it forwards. The `LabenvYamlAws` output of infra/ gives all three. Without it no request carries a signed identity and the authorizer answers 401.","properties":{"userPoolArn":{"type":"string","pattern":"^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:[0-9]{12}:userpool/.+$","description":"The Cognito user pool's ARN."},"userPoolClientId":{"type":"string","minLength":1,"description":"The app client the load balancer signs in with (with a secret, code grant)."},"userPoolDomain":{"type":"string","pattern":"^[a-z0-9][a-z0-9.-]*$","description":"The user pool's domain prefix (or custom domain) of its hosted sign-in."}}}}},"state":{"type":"object","additionalProperties":false,"description":"Where applied state, run history and the reconcile lease live.","properties":{"store":{"type":"string","enum":["file","dynamodb"],"default":"file","description":"`file`: a directory in the repository checkout; `dynamodb`: a DynamoDB table with conditional writes."},"table":{"type":"string","description":"The DynamoDB table (store: dynamodb)."},"directory":{"type":"string","default":".labenv","description":"The directory (store: file)."}}},"objects":{"type":"object","additionalProperties":false,"description":"Where snapshot manifests, observations and hand-over packages are written.","properties":{"store":{"type":"string","enum":["directory","s3"],"default":"directory","description":"`directory`: under `.labenv/objects`; `s3`: a versioned S3 bucket."},"bucket":{"type":"string","description":"The S3 bucket (store: s3)."},"prefix":{"type":"string","description":"A key prefix inside the bucket."}}},"git":{"type":"object","additionalProperties":false,"description":"The Git host labenv reads from and opens pull requests on.","properties":{"host":{"type":"string","enum":["local","github"],"default":"local","description":"`local`: the git CLI, a pull request is a branch plus a description file; `github`: the GitHub API."},"repository":{"type":"string","pattern":"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$","description":"`owner/name` on GitHub."},"defaultBranch":{"type":"string","default":"main","description":"The branch whose state is applied."}}},"packageIndex":{"type":"object","additionalProperties":false,"description":"Where package versions and hashes are looked up when locking.","properties":{"kind":{"type":"string","enum":["embedded","pypi"],"default":"embedded","description":"`embedded`: the checked-in index file; `pypi`: a PyPI-compatible JSON API."},"path":{"type":"string","default":"package-index.yaml","description":"The checked-in index file (kind: embedded)."},"url":{"type":"string","format":"uri","description":"A PyPI-compatible JSON API base URL (kind: pypi): PyPI, devpi or AWS CodeArtifact."}}},"app":{"type":"object","additionalProperties":false,"description":"What the GitHub App's checks do that needs more than the pull request's files.","properties":{"lockProof":{"type":"string","enum":["offline","index"],"default":"offline","description":"How `labenv/validate` proves locks with a remote package index (`packageIndex.kind: pypi`). `offline`: every lock field that needs no index (releases, hashes and the dependency closure are left to `labenv lock --check` and the reconciler). `index`: also asks the index for every release of the locks the pull request changes or affects, as `labenv validate --against-index --changed-from` does, bounded in requests, answer size and time; an index that cannot be reached or a bound hit fails the check. On when the base branch or the pull request says `index`. With the embedded index both prove every field."}}},"plan":{"type":"object","additionalProperties":false,"properties":{"maxDeletes":{"type":"integer","minimum":0,"default":5,"description":"A plan with more deletions than this fails instead of applying."}}},"drift":{"type":"object","additionalProperties":false,"properties":{"maxOpenPullRequestsPerLab":{"type":"integer","minimum":0,"default":5,"description":"At most this many drift pull requests open per lab (a lab's lab.yaml may set fewer)."},"scheduleMinutes":{"type":"integer","minimum":1,"default":15,"description":"How often drift is checked, in minutes."}}},"snapshots":{"type":"object","additionalProperties":false,"description":"How stored snapshots are proved intact on a schedule: after each drift run (the drift Lambda, and `labenv snapshot verify --due`), every captured snapshot whose last verify is older than `verifyEveryDays` is verified again, oldest verification first, a bounded number per run.","properties":{"verifyEveryDays":{"type":"integer","minimum":1,"maximum":3650,"default":7,"description":"Verify each captured snapshot again at most once in this many days (1 to 3650). Never-verified snapshots are verified first."},"verifyMaxPerRun":{"type":"integer","minimum":1,"maximum":1000,"default":20,"description":"At most this many snapshots verified per drift run (1 to 1000); the rest are verified by the next runs. A run also stops starting verifies when its time budget is spent."}}},"shares":{"type":"object","additionalProperties":false,"description":"Defaults for every share's renewal pull request (a share's own `spec.renewal` wins). The notice must be shorter than the term.","properties":{"renewalNoticeDays":{"type":"integer","minimum":1,"maximum":365,"default":7,"description":"How many days before a share's `expires` labenv opens the pull request proposing its renewal."},"renewalTermDays":{"type":"integer","minimum":1,"maximum":1825,"default":90,"description":"How many days after `expires` a renewal pull request proposes as the new last day."}}},"dashboard":{"type":"object","additionalProperties":false,"description":"The fleet dashboard the reconciler publishes after each run (`labenv dashboard` builds the same site on request).","properties":{"publish":{"type":"boolean","default":false,"description":"After each reconcile that applied or found nothing to change, write the dashboard to the object store: one site per lab (its environments and those shared with it) and the whole fleet, served behind the load balancer's sign-in at `/_labenv/dashboard/`."},"fleetViewers":{"type":"array","maxItems":200,"uniqueItems":true,"items":{"type":"string","pattern":"^[A-Za-z0-9._@+-]{1,128}$"},"description":"Who may see the whole fleet (every lab, the runs page): sign-in names as the identity's member claim gives them (research computing engineers, auditors). Everyone else sees only the site of each lab whose lab.yaml lists them as a current member."}}},"packRegistries":{"type":"array","description":"Hosted domain pack registries that `labenv packs browse`, `add`, `outdated` and `update` read. A registry is any location serving `registry.yaml` and `<pack>/<version>/pack.yaml` (as `labenv packs publish` writes them): an HTTPS URL, `file://` for a directory, or `git+file:///<repository>#<ref>[:<directory>]` for a git repository (read with git, never checked out).","items":{"type":"object","additionalProperties":false,"required":["name","url"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"How labenv.yaml, `--registry` and a vendored pack's `spec.source.registry` name this registry."},"url":{"type":"string","pattern":"^(https?|file|git\\+file)://[^\\s]+$","description":"Where the registry's `registry.yaml` lives (its directory): `https://…/`, `http://127.0.0.1:…/`, `file:///…/` or `git+file:///…#main:site`."},"trust":{"type":"array","items":{"type":"string","enum":["verified","community","experimental"]},"uniqueItems":true,"minItems":1,"default":["verified"],"description":"The trust levels accepted from this registry (default: `[verified]`). `packs add` refuses a pack of any other level, and `validate` flags one vendored anyway."},"tokenEnv":{"type":"string","pattern":"^[A-Z_][A-Z0-9_]*$","description":"The name of an environment variable holding a token sent as `Authorization: Bearer` (for a private registry, e.g. a GitHub repository's raw files). The token itself never lives in Git."},"requireSignedIndex":{"type":"boolean","default":false,"description":"Refuse this registry's `registry.yaml` unless it is signed by a key in `packTrust.keys` allowed for it, so its versions, yank and deprecation marks cannot be altered or stripped on the way. A signed index is always checked, whatever this says."}}}},"packTrust":{"type":"object","additionalProperties":false,"description":"The keys whose Ed25519 signatures make a vendored pack version trusted. Only public keys live here; a registry's own claims about its keys are never trusted.","properties":{"requireSignatures":{"type":"boolean","default":true,"description":"Refuse a pack from a registry that is not signed by a trusted key (default true). Packs written in this repository (no `spec.source`) need no signature."},"keys":{"type":"array","description":"Trusted signing keys.","items":{"type":"object","additionalProperties":false,"required":["id","publicKey"],"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$","description":"The key's name, as signatures carry it (`spec.source.signature.keyId`)."},"publicKey":{"type":"string","pattern":"^ed25519:[A-Za-z0-9_-]{43}$","description":"The Ed25519 public key, `ed25519:` and its 32 bytes in base64url (what `labenv packs keygen` prints)."},"registries":{"type":"array","items":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},"uniqueItems":true,"description":"The registries this key may sign for (default: all configured registries)."},"revoked":{"type":"object","additionalProperties":false,"required":["reason"],"description":"A revoked key: nothing it signed is trusted any more, whenever it was signed.","properties":{"reason":{"type":"string","minLength":3,"maxLength":512,"description":"Why (lost, leaked, rotated)."},"on":{"type":"string","format":"date","description":"When it was revoked, for the record."}}}}}}}}}}}};
const pattern107 = new RegExp("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", "u");
const pattern108 = new RegExp("^subnet-[0-9a-f]{8,17}$", "u");
const pattern109 = new RegExp("^sg-[0-9a-f]{8,17}$", "u");
const pattern110 = new RegExp("^fs-[0-9a-f]{8,17}$", "u");
const pattern111 = new RegExp("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", "u");
const pattern113 = new RegExp("^arn:aws[a-z-]*:iam::[0-9]{12}:policy/.+$", "u");
const pattern117 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$", "u");
const pattern118 = new RegExp("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", "u");
const pattern119 = new RegExp("^vpc-[0-9a-f]{8,17}$", "u");
const pattern120 = new RegExp("^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:listener/app/.+$", "u");
const pattern121 = new RegExp("^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:targetgroup/.+$", "u");
const pattern122 = new RegExp("^https?://", "u");
const pattern123 = new RegExp("^[a-z0-9][a-z0-9./:_-]*@sha256:[0-9a-f]{64}$", "u");
const pattern124 = new RegExp("^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:[0-9]{12}:userpool/.+$", "u");
const pattern125 = new RegExp("^[a-z0-9][a-z0-9.-]*$", "u");
const pattern126 = new RegExp("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", "u");
const pattern127 = new RegExp("^[A-Za-z0-9._@+-]{1,128}$", "u");
const pattern129 = new RegExp("^(https?|file|git\\+file)://[^\\s]+$", "u");
const pattern130 = new RegExp("^[A-Z_][A-Z0-9_]*$", "u");
const pattern132 = new RegExp("^ed25519:[A-Za-z0-9_-]{43}$", "u");
const formats12 = __dep1.fullFormats.uri;

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://labenv.westtek.io/schemas/v1/labenv-config.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema37.required,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema37.required,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema37.required,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema37.required,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("labenv.westtek.io/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "labenv.westtek.io/v1"},message:"must be equal to constant",schema:"labenv.westtek.io/v1",parentSchema:schema37.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("RepoConfig" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "RepoConfig"},message:"must be equal to constant",schema:"RepoConfig",parentSchema:schema37.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema37.properties.metadata.required,parentSchema:schema37.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key1 in data2){
if(!(key1 === "name")){
const err8 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err9 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema37.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.metadata.properties.name.type,parentSchema:schema37.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.metadata.type,parentSchema:schema37.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.spec !== undefined){
let data4 = data.spec;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.target === undefined){
const err12 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'",schema:schema37.properties.spec.required,parentSchema:schema37.properties.spec,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key2 in data4){
if(!(func2.call(schema37.properties.spec.properties, key2))){
const err13 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data4.target !== undefined){
let data5 = data4.target;
if(typeof data5 !== "string"){
const err14 = {instancePath:instancePath+"/spec/target",schemaPath:"#/properties/spec/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.target.type,parentSchema:schema37.properties.spec.properties.target,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(!((data5 === "sandbox") || (data5 === "aws"))){
const err15 = {instancePath:instancePath+"/spec/target",schemaPath:"#/properties/spec/properties/target/enum",keyword:"enum",params:{allowedValues: schema37.properties.spec.properties.target.enum},message:"must be equal to one of the allowed values",schema:schema37.properties.spec.properties.target.enum,parentSchema:schema37.properties.spec.properties.target,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data4.aws !== undefined){
let data6 = data4.aws;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key3 in data6){
if(!(func2.call(schema37.properties.spec.properties.aws.properties, key3))){
const err16 = {instancePath:instancePath+"/spec/aws",schemaPath:"#/properties/spec/properties/aws/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.aws,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data6.region !== undefined){
let data7 = data6.region;
if(typeof data7 === "string"){
if(!pattern107.test(data7)){
const err17 = {instancePath:instancePath+"/spec/aws/region",schemaPath:"#/properties/spec/properties/aws/properties/region/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2}(-gov)?-[a-z]+-[0-9]$"},message:"must match pattern \""+"^[a-z]{2}(-gov)?-[a-z]+-[0-9]$"+"\"",schema:"^[a-z]{2}(-gov)?-[a-z]+-[0-9]$",parentSchema:schema37.properties.spec.properties.aws.properties.region,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/spec/aws/region",schemaPath:"#/properties/spec/properties/aws/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.region.type,parentSchema:schema37.properties.spec.properties.aws.properties.region,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data6.cluster !== undefined){
let data8 = data6.cluster;
if(typeof data8 === "string"){
if(func1(data8) < 1){
const err19 = {instancePath:instancePath+"/spec/aws/cluster",schemaPath:"#/properties/spec/properties/aws/properties/cluster/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37.properties.spec.properties.aws.properties.cluster,data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/spec/aws/cluster",schemaPath:"#/properties/spec/properties/aws/properties/cluster/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.cluster.type,parentSchema:schema37.properties.spec.properties.aws.properties.cluster,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data6.subnets !== undefined){
let data9 = data6.subnets;
if(Array.isArray(data9)){
const len0 = data9.length;
for(let i0=0; i0<len0; i0++){
let data10 = data9[i0];
if(typeof data10 === "string"){
if(!pattern108.test(data10)){
const err21 = {instancePath:instancePath+"/spec/aws/subnets/" + i0,schemaPath:"#/properties/spec/properties/aws/properties/subnets/items/pattern",keyword:"pattern",params:{pattern: "^subnet-[0-9a-f]{8,17}$"},message:"must match pattern \""+"^subnet-[0-9a-f]{8,17}$"+"\"",schema:"^subnet-[0-9a-f]{8,17}$",parentSchema:schema37.properties.spec.properties.aws.properties.subnets.items,data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/spec/aws/subnets/" + i0,schemaPath:"#/properties/spec/properties/aws/properties/subnets/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.subnets.items.type,parentSchema:schema37.properties.spec.properties.aws.properties.subnets.items,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/spec/aws/subnets",schemaPath:"#/properties/spec/properties/aws/properties/subnets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.spec.properties.aws.properties.subnets.type,parentSchema:schema37.properties.spec.properties.aws.properties.subnets,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data6.securityGroups !== undefined){
let data11 = data6.securityGroups;
if(Array.isArray(data11)){
const len1 = data11.length;
for(let i1=0; i1<len1; i1++){
let data12 = data11[i1];
if(typeof data12 === "string"){
if(!pattern109.test(data12)){
const err24 = {instancePath:instancePath+"/spec/aws/securityGroups/" + i1,schemaPath:"#/properties/spec/properties/aws/properties/securityGroups/items/pattern",keyword:"pattern",params:{pattern: "^sg-[0-9a-f]{8,17}$"},message:"must match pattern \""+"^sg-[0-9a-f]{8,17}$"+"\"",schema:"^sg-[0-9a-f]{8,17}$",parentSchema:schema37.properties.spec.properties.aws.properties.securityGroups.items,data:data12};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/spec/aws/securityGroups/" + i1,schemaPath:"#/properties/spec/properties/aws/properties/securityGroups/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.securityGroups.items.type,parentSchema:schema37.properties.spec.properties.aws.properties.securityGroups.items,data:data12};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/spec/aws/securityGroups",schemaPath:"#/properties/spec/properties/aws/properties/securityGroups/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.spec.properties.aws.properties.securityGroups.type,parentSchema:schema37.properties.spec.properties.aws.properties.securityGroups,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data6.fileSystemId !== undefined){
let data13 = data6.fileSystemId;
if(typeof data13 === "string"){
if(!pattern110.test(data13)){
const err27 = {instancePath:instancePath+"/spec/aws/fileSystemId",schemaPath:"#/properties/spec/properties/aws/properties/fileSystemId/pattern",keyword:"pattern",params:{pattern: "^fs-[0-9a-f]{8,17}$"},message:"must match pattern \""+"^fs-[0-9a-f]{8,17}$"+"\"",schema:"^fs-[0-9a-f]{8,17}$",parentSchema:schema37.properties.spec.properties.aws.properties.fileSystemId,data:data13};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/spec/aws/fileSystemId",schemaPath:"#/properties/spec/properties/aws/properties/fileSystemId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.fileSystemId.type,parentSchema:schema37.properties.spec.properties.aws.properties.fileSystemId,data:data13};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data6.taskExecutionRoleArn !== undefined){
let data14 = data6.taskExecutionRoleArn;
if(typeof data14 === "string"){
if(!pattern111.test(data14)){
const err29 = {instancePath:instancePath+"/spec/aws/taskExecutionRoleArn",schemaPath:"#/properties/spec/properties/aws/properties/taskExecutionRoleArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"+"\"",schema:"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$",parentSchema:schema37.properties.spec.properties.aws.properties.taskExecutionRoleArn,data:data14};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/spec/aws/taskExecutionRoleArn",schemaPath:"#/properties/spec/properties/aws/properties/taskExecutionRoleArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.taskExecutionRoleArn.type,parentSchema:schema37.properties.spec.properties.aws.properties.taskExecutionRoleArn,data:data14};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data6.taskRoleArns !== undefined){
let data15 = data6.taskRoleArns;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
for(const key4 in data15){
let data16 = data15[key4];
if(typeof data16 === "string"){
if(!pattern111.test(data16)){
const err31 = {instancePath:instancePath+"/spec/aws/taskRoleArns/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/aws/properties/taskRoleArns/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"+"\"",schema:"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$",parentSchema:schema37.properties.spec.properties.aws.properties.taskRoleArns.additionalProperties,data:data16};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/spec/aws/taskRoleArns/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/aws/properties/taskRoleArns/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.taskRoleArns.additionalProperties.type,parentSchema:schema37.properties.spec.properties.aws.properties.taskRoleArns.additionalProperties,data:data16};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/spec/aws/taskRoleArns",schemaPath:"#/properties/spec/properties/aws/properties/taskRoleArns/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.aws.properties.taskRoleArns.type,parentSchema:schema37.properties.spec.properties.aws.properties.taskRoleArns,data:data15};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data6.taskRoleBoundaryArn !== undefined){
let data17 = data6.taskRoleBoundaryArn;
if(typeof data17 === "string"){
if(!pattern113.test(data17)){
const err34 = {instancePath:instancePath+"/spec/aws/taskRoleBoundaryArn",schemaPath:"#/properties/spec/properties/aws/properties/taskRoleBoundaryArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:iam::[0-9]{12}:policy/.+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:iam::[0-9]{12}:policy/.+$"+"\"",schema:"^arn:aws[a-z-]*:iam::[0-9]{12}:policy/.+$",parentSchema:schema37.properties.spec.properties.aws.properties.taskRoleBoundaryArn,data:data17};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/spec/aws/taskRoleBoundaryArn",schemaPath:"#/properties/spec/properties/aws/properties/taskRoleBoundaryArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.taskRoleBoundaryArn.type,parentSchema:schema37.properties.spec.properties.aws.properties.taskRoleBoundaryArn,data:data17};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data6.logGroup !== undefined){
let data18 = data6.logGroup;
if(typeof data18 !== "string"){
const err36 = {instancePath:instancePath+"/spec/aws/logGroup",schemaPath:"#/properties/spec/properties/aws/properties/logGroup/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.logGroup.type,parentSchema:schema37.properties.spec.properties.aws.properties.logGroup,data:data18};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data6.backupVaultName !== undefined){
let data19 = data6.backupVaultName;
if(typeof data19 !== "string"){
const err37 = {instancePath:instancePath+"/spec/aws/backupVaultName",schemaPath:"#/properties/spec/properties/aws/properties/backupVaultName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.backupVaultName.type,parentSchema:schema37.properties.spec.properties.aws.properties.backupVaultName,data:data19};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data6.infrastructureRoleArn !== undefined){
let data20 = data6.infrastructureRoleArn;
if(typeof data20 === "string"){
if(!pattern111.test(data20)){
const err38 = {instancePath:instancePath+"/spec/aws/infrastructureRoleArn",schemaPath:"#/properties/spec/properties/aws/properties/infrastructureRoleArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"+"\"",schema:"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$",parentSchema:schema37.properties.spec.properties.aws.properties.infrastructureRoleArn,data:data20};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/spec/aws/infrastructureRoleArn",schemaPath:"#/properties/spec/properties/aws/properties/infrastructureRoleArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.infrastructureRoleArn.type,parentSchema:schema37.properties.spec.properties.aws.properties.infrastructureRoleArn,data:data20};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data6.backupRoleArn !== undefined){
let data21 = data6.backupRoleArn;
if(typeof data21 === "string"){
if(!pattern111.test(data21)){
const err40 = {instancePath:instancePath+"/spec/aws/backupRoleArn",schemaPath:"#/properties/spec/properties/aws/properties/backupRoleArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"+"\"",schema:"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$",parentSchema:schema37.properties.spec.properties.aws.properties.backupRoleArn,data:data21};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
else {
const err41 = {instancePath:instancePath+"/spec/aws/backupRoleArn",schemaPath:"#/properties/spec/properties/aws/properties/backupRoleArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.backupRoleArn.type,parentSchema:schema37.properties.spec.properties.aws.properties.backupRoleArn,data:data21};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data6.restoreMoveRoleArn !== undefined){
let data22 = data6.restoreMoveRoleArn;
if(typeof data22 === "string"){
if(!pattern111.test(data22)){
const err42 = {instancePath:instancePath+"/spec/aws/restoreMoveRoleArn",schemaPath:"#/properties/spec/properties/aws/properties/restoreMoveRoleArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"+"\"",schema:"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$",parentSchema:schema37.properties.spec.properties.aws.properties.restoreMoveRoleArn,data:data22};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/spec/aws/restoreMoveRoleArn",schemaPath:"#/properties/spec/properties/aws/properties/restoreMoveRoleArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.restoreMoveRoleArn.type,parentSchema:schema37.properties.spec.properties.aws.properties.restoreMoveRoleArn,data:data22};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data6.imageBuildProject !== undefined){
let data23 = data6.imageBuildProject;
if(typeof data23 === "string"){
if(!pattern117.test(data23)){
const err44 = {instancePath:instancePath+"/spec/aws/imageBuildProject",schemaPath:"#/properties/spec/properties/aws/properties/imageBuildProject/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$",parentSchema:schema37.properties.spec.properties.aws.properties.imageBuildProject,data:data23};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/spec/aws/imageBuildProject",schemaPath:"#/properties/spec/properties/aws/properties/imageBuildProject/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.imageBuildProject.type,parentSchema:schema37.properties.spec.properties.aws.properties.imageBuildProject,data:data23};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data6.buildContextBucket !== undefined){
let data24 = data6.buildContextBucket;
if(typeof data24 === "string"){
if(!pattern118.test(data24)){
const err46 = {instancePath:instancePath+"/spec/aws/buildContextBucket",schemaPath:"#/properties/spec/properties/aws/properties/buildContextBucket/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"+"\"",schema:"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",parentSchema:schema37.properties.spec.properties.aws.properties.buildContextBucket,data:data24};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/spec/aws/buildContextBucket",schemaPath:"#/properties/spec/properties/aws/properties/buildContextBucket/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.buildContextBucket.type,parentSchema:schema37.properties.spec.properties.aws.properties.buildContextBucket,data:data24};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data6.endpoint !== undefined){
let data25 = data6.endpoint;
if(typeof data25 === "string"){
if(!(formats12(data25))){
const err48 = {instancePath:instancePath+"/spec/aws/endpoint",schemaPath:"#/properties/spec/properties/aws/properties/endpoint/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema37.properties.spec.properties.aws.properties.endpoint,data:data25};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/spec/aws/endpoint",schemaPath:"#/properties/spec/properties/aws/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.endpoint.type,parentSchema:schema37.properties.spec.properties.aws.properties.endpoint,data:data25};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data6.vpcId !== undefined){
let data26 = data6.vpcId;
if(typeof data26 === "string"){
if(!pattern119.test(data26)){
const err50 = {instancePath:instancePath+"/spec/aws/vpcId",schemaPath:"#/properties/spec/properties/aws/properties/vpcId/pattern",keyword:"pattern",params:{pattern: "^vpc-[0-9a-f]{8,17}$"},message:"must match pattern \""+"^vpc-[0-9a-f]{8,17}$"+"\"",schema:"^vpc-[0-9a-f]{8,17}$",parentSchema:schema37.properties.spec.properties.aws.properties.vpcId,data:data26};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/spec/aws/vpcId",schemaPath:"#/properties/spec/properties/aws/properties/vpcId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.vpcId.type,parentSchema:schema37.properties.spec.properties.aws.properties.vpcId,data:data26};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data6.listenerArn !== undefined){
let data27 = data6.listenerArn;
if(typeof data27 === "string"){
if(!pattern120.test(data27)){
const err52 = {instancePath:instancePath+"/spec/aws/listenerArn",schemaPath:"#/properties/spec/properties/aws/properties/listenerArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:listener/app/.+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:listener/app/.+$"+"\"",schema:"^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:listener/app/.+$",parentSchema:schema37.properties.spec.properties.aws.properties.listenerArn,data:data27};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/spec/aws/listenerArn",schemaPath:"#/properties/spec/properties/aws/properties/listenerArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.listenerArn.type,parentSchema:schema37.properties.spec.properties.aws.properties.listenerArn,data:data27};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data6.wakeTargetGroupArn !== undefined){
let data28 = data6.wakeTargetGroupArn;
if(typeof data28 === "string"){
if(!pattern121.test(data28)){
const err54 = {instancePath:instancePath+"/spec/aws/wakeTargetGroupArn",schemaPath:"#/properties/spec/properties/aws/properties/wakeTargetGroupArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:targetgroup/.+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:targetgroup/.+$"+"\"",schema:"^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:targetgroup/.+$",parentSchema:schema37.properties.spec.properties.aws.properties.wakeTargetGroupArn,data:data28};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
else {
const err55 = {instancePath:instancePath+"/spec/aws/wakeTargetGroupArn",schemaPath:"#/properties/spec/properties/aws/properties/wakeTargetGroupArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.aws.properties.wakeTargetGroupArn.type,parentSchema:schema37.properties.spec.properties.aws.properties.wakeTargetGroupArn,data:data28};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
else {
const err56 = {instancePath:instancePath+"/spec/aws",schemaPath:"#/properties/spec/properties/aws/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.aws.type,parentSchema:schema37.properties.spec.properties.aws,data:data6};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data4.access !== undefined){
let data29 = data4.access;
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
for(const key5 in data29){
if(!((((key5 === "address") || (key5 === "memberClaim")) || (key5 === "authorizerImage")) || (key5 === "signIn"))){
const err57 = {instancePath:instancePath+"/spec/access",schemaPath:"#/properties/spec/properties/access/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.access,data:data29};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data29.address !== undefined){
let data30 = data29.address;
if(typeof data30 === "string"){
if(!pattern122.test(data30)){
const err58 = {instancePath:instancePath+"/spec/access/address",schemaPath:"#/properties/spec/properties/access/properties/address/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema37.properties.spec.properties.access.properties.address,data:data30};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if(!(formats12(data30))){
const err59 = {instancePath:instancePath+"/spec/access/address",schemaPath:"#/properties/spec/properties/access/properties/address/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema37.properties.spec.properties.access.properties.address,data:data30};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
else {
const err60 = {instancePath:instancePath+"/spec/access/address",schemaPath:"#/properties/spec/properties/access/properties/address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.access.properties.address.type,parentSchema:schema37.properties.spec.properties.access.properties.address,data:data30};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data29.memberClaim !== undefined){
let data31 = data29.memberClaim;
if(typeof data31 === "string"){
if(func1(data31) < 1){
const err61 = {instancePath:instancePath+"/spec/access/memberClaim",schemaPath:"#/properties/spec/properties/access/properties/memberClaim/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37.properties.spec.properties.access.properties.memberClaim,data:data31};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
else {
const err62 = {instancePath:instancePath+"/spec/access/memberClaim",schemaPath:"#/properties/spec/properties/access/properties/memberClaim/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.access.properties.memberClaim.type,parentSchema:schema37.properties.spec.properties.access.properties.memberClaim,data:data31};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data29.authorizerImage !== undefined){
let data32 = data29.authorizerImage;
if(typeof data32 === "string"){
if(!pattern123.test(data32)){
const err63 = {instancePath:instancePath+"/spec/access/authorizerImage",schemaPath:"#/properties/spec/properties/access/properties/authorizerImage/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9./:_-]*@sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9./:_-]*@sha256:[0-9a-f]{64}$"+"\"",schema:"^[a-z0-9][a-z0-9./:_-]*@sha256:[0-9a-f]{64}$",parentSchema:schema37.properties.spec.properties.access.properties.authorizerImage,data:data32};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
else {
const err64 = {instancePath:instancePath+"/spec/access/authorizerImage",schemaPath:"#/properties/spec/properties/access/properties/authorizerImage/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.access.properties.authorizerImage.type,parentSchema:schema37.properties.spec.properties.access.properties.authorizerImage,data:data32};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data29.signIn !== undefined){
let data33 = data29.signIn;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
if(data33.userPoolArn === undefined){
const err65 = {instancePath:instancePath+"/spec/access/signIn",schemaPath:"#/properties/spec/properties/access/properties/signIn/required",keyword:"required",params:{missingProperty: "userPoolArn"},message:"must have required property '"+"userPoolArn"+"'",schema:schema37.properties.spec.properties.access.properties.signIn.required,parentSchema:schema37.properties.spec.properties.access.properties.signIn,data:data33};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
if(data33.userPoolClientId === undefined){
const err66 = {instancePath:instancePath+"/spec/access/signIn",schemaPath:"#/properties/spec/properties/access/properties/signIn/required",keyword:"required",params:{missingProperty: "userPoolClientId"},message:"must have required property '"+"userPoolClientId"+"'",schema:schema37.properties.spec.properties.access.properties.signIn.required,parentSchema:schema37.properties.spec.properties.access.properties.signIn,data:data33};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if(data33.userPoolDomain === undefined){
const err67 = {instancePath:instancePath+"/spec/access/signIn",schemaPath:"#/properties/spec/properties/access/properties/signIn/required",keyword:"required",params:{missingProperty: "userPoolDomain"},message:"must have required property '"+"userPoolDomain"+"'",schema:schema37.properties.spec.properties.access.properties.signIn.required,parentSchema:schema37.properties.spec.properties.access.properties.signIn,data:data33};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
for(const key6 in data33){
if(!(((key6 === "userPoolArn") || (key6 === "userPoolClientId")) || (key6 === "userPoolDomain"))){
const err68 = {instancePath:instancePath+"/spec/access/signIn",schemaPath:"#/properties/spec/properties/access/properties/signIn/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.access.properties.signIn,data:data33};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data33.userPoolArn !== undefined){
let data34 = data33.userPoolArn;
if(typeof data34 === "string"){
if(!pattern124.test(data34)){
const err69 = {instancePath:instancePath+"/spec/access/signIn/userPoolArn",schemaPath:"#/properties/spec/properties/access/properties/signIn/properties/userPoolArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:[0-9]{12}:userpool/.+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:[0-9]{12}:userpool/.+$"+"\"",schema:"^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:[0-9]{12}:userpool/.+$",parentSchema:schema37.properties.spec.properties.access.properties.signIn.properties.userPoolArn,data:data34};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
else {
const err70 = {instancePath:instancePath+"/spec/access/signIn/userPoolArn",schemaPath:"#/properties/spec/properties/access/properties/signIn/properties/userPoolArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.access.properties.signIn.properties.userPoolArn.type,parentSchema:schema37.properties.spec.properties.access.properties.signIn.properties.userPoolArn,data:data34};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data33.userPoolClientId !== undefined){
let data35 = data33.userPoolClientId;
if(typeof data35 === "string"){
if(func1(data35) < 1){
const err71 = {instancePath:instancePath+"/spec/access/signIn/userPoolClientId",schemaPath:"#/properties/spec/properties/access/properties/signIn/properties/userPoolClientId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37.properties.spec.properties.access.properties.signIn.properties.userPoolClientId,data:data35};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
else {
const err72 = {instancePath:instancePath+"/spec/access/signIn/userPoolClientId",schemaPath:"#/properties/spec/properties/access/properties/signIn/properties/userPoolClientId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.access.properties.signIn.properties.userPoolClientId.type,parentSchema:schema37.properties.spec.properties.access.properties.signIn.properties.userPoolClientId,data:data35};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data33.userPoolDomain !== undefined){
let data36 = data33.userPoolDomain;
if(typeof data36 === "string"){
if(!pattern125.test(data36)){
const err73 = {instancePath:instancePath+"/spec/access/signIn/userPoolDomain",schemaPath:"#/properties/spec/properties/access/properties/signIn/properties/userPoolDomain/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9.-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9.-]*$"+"\"",schema:"^[a-z0-9][a-z0-9.-]*$",parentSchema:schema37.properties.spec.properties.access.properties.signIn.properties.userPoolDomain,data:data36};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
else {
const err74 = {instancePath:instancePath+"/spec/access/signIn/userPoolDomain",schemaPath:"#/properties/spec/properties/access/properties/signIn/properties/userPoolDomain/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.access.properties.signIn.properties.userPoolDomain.type,parentSchema:schema37.properties.spec.properties.access.properties.signIn.properties.userPoolDomain,data:data36};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
}
else {
const err75 = {instancePath:instancePath+"/spec/access/signIn",schemaPath:"#/properties/spec/properties/access/properties/signIn/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.access.properties.signIn.type,parentSchema:schema37.properties.spec.properties.access.properties.signIn,data:data33};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
}
else {
const err76 = {instancePath:instancePath+"/spec/access",schemaPath:"#/properties/spec/properties/access/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.access.type,parentSchema:schema37.properties.spec.properties.access,data:data29};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data4.state !== undefined){
let data37 = data4.state;
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
for(const key7 in data37){
if(!(((key7 === "store") || (key7 === "table")) || (key7 === "directory"))){
const err77 = {instancePath:instancePath+"/spec/state",schemaPath:"#/properties/spec/properties/state/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.state,data:data37};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data37.store !== undefined){
let data38 = data37.store;
if(typeof data38 !== "string"){
const err78 = {instancePath:instancePath+"/spec/state/store",schemaPath:"#/properties/spec/properties/state/properties/store/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.state.properties.store.type,parentSchema:schema37.properties.spec.properties.state.properties.store,data:data38};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
if(!((data38 === "file") || (data38 === "dynamodb"))){
const err79 = {instancePath:instancePath+"/spec/state/store",schemaPath:"#/properties/spec/properties/state/properties/store/enum",keyword:"enum",params:{allowedValues: schema37.properties.spec.properties.state.properties.store.enum},message:"must be equal to one of the allowed values",schema:schema37.properties.spec.properties.state.properties.store.enum,parentSchema:schema37.properties.spec.properties.state.properties.store,data:data38};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data37.table !== undefined){
let data39 = data37.table;
if(typeof data39 !== "string"){
const err80 = {instancePath:instancePath+"/spec/state/table",schemaPath:"#/properties/spec/properties/state/properties/table/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.state.properties.table.type,parentSchema:schema37.properties.spec.properties.state.properties.table,data:data39};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data37.directory !== undefined){
let data40 = data37.directory;
if(typeof data40 !== "string"){
const err81 = {instancePath:instancePath+"/spec/state/directory",schemaPath:"#/properties/spec/properties/state/properties/directory/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.state.properties.directory.type,parentSchema:schema37.properties.spec.properties.state.properties.directory,data:data40};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
}
else {
const err82 = {instancePath:instancePath+"/spec/state",schemaPath:"#/properties/spec/properties/state/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.state.type,parentSchema:schema37.properties.spec.properties.state,data:data37};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
if(data4.objects !== undefined){
let data41 = data4.objects;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
for(const key8 in data41){
if(!(((key8 === "store") || (key8 === "bucket")) || (key8 === "prefix"))){
const err83 = {instancePath:instancePath+"/spec/objects",schemaPath:"#/properties/spec/properties/objects/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.objects,data:data41};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data41.store !== undefined){
let data42 = data41.store;
if(typeof data42 !== "string"){
const err84 = {instancePath:instancePath+"/spec/objects/store",schemaPath:"#/properties/spec/properties/objects/properties/store/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.objects.properties.store.type,parentSchema:schema37.properties.spec.properties.objects.properties.store,data:data42};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
if(!((data42 === "directory") || (data42 === "s3"))){
const err85 = {instancePath:instancePath+"/spec/objects/store",schemaPath:"#/properties/spec/properties/objects/properties/store/enum",keyword:"enum",params:{allowedValues: schema37.properties.spec.properties.objects.properties.store.enum},message:"must be equal to one of the allowed values",schema:schema37.properties.spec.properties.objects.properties.store.enum,parentSchema:schema37.properties.spec.properties.objects.properties.store,data:data42};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
if(data41.bucket !== undefined){
let data43 = data41.bucket;
if(typeof data43 !== "string"){
const err86 = {instancePath:instancePath+"/spec/objects/bucket",schemaPath:"#/properties/spec/properties/objects/properties/bucket/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.objects.properties.bucket.type,parentSchema:schema37.properties.spec.properties.objects.properties.bucket,data:data43};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
if(data41.prefix !== undefined){
let data44 = data41.prefix;
if(typeof data44 !== "string"){
const err87 = {instancePath:instancePath+"/spec/objects/prefix",schemaPath:"#/properties/spec/properties/objects/properties/prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.objects.properties.prefix.type,parentSchema:schema37.properties.spec.properties.objects.properties.prefix,data:data44};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
}
else {
const err88 = {instancePath:instancePath+"/spec/objects",schemaPath:"#/properties/spec/properties/objects/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.objects.type,parentSchema:schema37.properties.spec.properties.objects,data:data41};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data4.git !== undefined){
let data45 = data4.git;
if(data45 && typeof data45 == "object" && !Array.isArray(data45)){
for(const key9 in data45){
if(!(((key9 === "host") || (key9 === "repository")) || (key9 === "defaultBranch"))){
const err89 = {instancePath:instancePath+"/spec/git",schemaPath:"#/properties/spec/properties/git/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.git,data:data45};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data45.host !== undefined){
let data46 = data45.host;
if(typeof data46 !== "string"){
const err90 = {instancePath:instancePath+"/spec/git/host",schemaPath:"#/properties/spec/properties/git/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.git.properties.host.type,parentSchema:schema37.properties.spec.properties.git.properties.host,data:data46};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(!((data46 === "local") || (data46 === "github"))){
const err91 = {instancePath:instancePath+"/spec/git/host",schemaPath:"#/properties/spec/properties/git/properties/host/enum",keyword:"enum",params:{allowedValues: schema37.properties.spec.properties.git.properties.host.enum},message:"must be equal to one of the allowed values",schema:schema37.properties.spec.properties.git.properties.host.enum,parentSchema:schema37.properties.spec.properties.git.properties.host,data:data46};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data45.repository !== undefined){
let data47 = data45.repository;
if(typeof data47 === "string"){
if(!pattern126.test(data47)){
const err92 = {instancePath:instancePath+"/spec/git/repository",schemaPath:"#/properties/spec/properties/git/properties/repository/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"},message:"must match pattern \""+"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"+"\"",schema:"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$",parentSchema:schema37.properties.spec.properties.git.properties.repository,data:data47};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
else {
const err93 = {instancePath:instancePath+"/spec/git/repository",schemaPath:"#/properties/spec/properties/git/properties/repository/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.git.properties.repository.type,parentSchema:schema37.properties.spec.properties.git.properties.repository,data:data47};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data45.defaultBranch !== undefined){
let data48 = data45.defaultBranch;
if(typeof data48 !== "string"){
const err94 = {instancePath:instancePath+"/spec/git/defaultBranch",schemaPath:"#/properties/spec/properties/git/properties/defaultBranch/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.git.properties.defaultBranch.type,parentSchema:schema37.properties.spec.properties.git.properties.defaultBranch,data:data48};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
}
else {
const err95 = {instancePath:instancePath+"/spec/git",schemaPath:"#/properties/spec/properties/git/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.git.type,parentSchema:schema37.properties.spec.properties.git,data:data45};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data4.packageIndex !== undefined){
let data49 = data4.packageIndex;
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
for(const key10 in data49){
if(!(((key10 === "kind") || (key10 === "path")) || (key10 === "url"))){
const err96 = {instancePath:instancePath+"/spec/packageIndex",schemaPath:"#/properties/spec/properties/packageIndex/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.packageIndex,data:data49};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data49.kind !== undefined){
let data50 = data49.kind;
if(typeof data50 !== "string"){
const err97 = {instancePath:instancePath+"/spec/packageIndex/kind",schemaPath:"#/properties/spec/properties/packageIndex/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.packageIndex.properties.kind.type,parentSchema:schema37.properties.spec.properties.packageIndex.properties.kind,data:data50};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
if(!((data50 === "embedded") || (data50 === "pypi"))){
const err98 = {instancePath:instancePath+"/spec/packageIndex/kind",schemaPath:"#/properties/spec/properties/packageIndex/properties/kind/enum",keyword:"enum",params:{allowedValues: schema37.properties.spec.properties.packageIndex.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema37.properties.spec.properties.packageIndex.properties.kind.enum,parentSchema:schema37.properties.spec.properties.packageIndex.properties.kind,data:data50};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
if(data49.path !== undefined){
let data51 = data49.path;
if(typeof data51 !== "string"){
const err99 = {instancePath:instancePath+"/spec/packageIndex/path",schemaPath:"#/properties/spec/properties/packageIndex/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.packageIndex.properties.path.type,parentSchema:schema37.properties.spec.properties.packageIndex.properties.path,data:data51};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data49.url !== undefined){
let data52 = data49.url;
if(typeof data52 === "string"){
if(!(formats12(data52))){
const err100 = {instancePath:instancePath+"/spec/packageIndex/url",schemaPath:"#/properties/spec/properties/packageIndex/properties/url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema37.properties.spec.properties.packageIndex.properties.url,data:data52};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
else {
const err101 = {instancePath:instancePath+"/spec/packageIndex/url",schemaPath:"#/properties/spec/properties/packageIndex/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.packageIndex.properties.url.type,parentSchema:schema37.properties.spec.properties.packageIndex.properties.url,data:data52};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
}
else {
const err102 = {instancePath:instancePath+"/spec/packageIndex",schemaPath:"#/properties/spec/properties/packageIndex/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.packageIndex.type,parentSchema:schema37.properties.spec.properties.packageIndex,data:data49};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
if(data4.app !== undefined){
let data53 = data4.app;
if(data53 && typeof data53 == "object" && !Array.isArray(data53)){
for(const key11 in data53){
if(!(key11 === "lockProof")){
const err103 = {instancePath:instancePath+"/spec/app",schemaPath:"#/properties/spec/properties/app/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.app,data:data53};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
if(data53.lockProof !== undefined){
let data54 = data53.lockProof;
if(typeof data54 !== "string"){
const err104 = {instancePath:instancePath+"/spec/app/lockProof",schemaPath:"#/properties/spec/properties/app/properties/lockProof/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.app.properties.lockProof.type,parentSchema:schema37.properties.spec.properties.app.properties.lockProof,data:data54};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
if(!((data54 === "offline") || (data54 === "index"))){
const err105 = {instancePath:instancePath+"/spec/app/lockProof",schemaPath:"#/properties/spec/properties/app/properties/lockProof/enum",keyword:"enum",params:{allowedValues: schema37.properties.spec.properties.app.properties.lockProof.enum},message:"must be equal to one of the allowed values",schema:schema37.properties.spec.properties.app.properties.lockProof.enum,parentSchema:schema37.properties.spec.properties.app.properties.lockProof,data:data54};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
}
else {
const err106 = {instancePath:instancePath+"/spec/app",schemaPath:"#/properties/spec/properties/app/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.app.type,parentSchema:schema37.properties.spec.properties.app,data:data53};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
if(data4.plan !== undefined){
let data55 = data4.plan;
if(data55 && typeof data55 == "object" && !Array.isArray(data55)){
for(const key12 in data55){
if(!(key12 === "maxDeletes")){
const err107 = {instancePath:instancePath+"/spec/plan",schemaPath:"#/properties/spec/properties/plan/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.plan,data:data55};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
if(data55.maxDeletes !== undefined){
let data56 = data55.maxDeletes;
if(!(((typeof data56 == "number") && (!(data56 % 1) && !isNaN(data56))) && (isFinite(data56)))){
const err108 = {instancePath:instancePath+"/spec/plan/maxDeletes",schemaPath:"#/properties/spec/properties/plan/properties/maxDeletes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.spec.properties.plan.properties.maxDeletes.type,parentSchema:schema37.properties.spec.properties.plan.properties.maxDeletes,data:data56};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
if((typeof data56 == "number") && (isFinite(data56))){
if(data56 < 0 || isNaN(data56)){
const err109 = {instancePath:instancePath+"/spec/plan/maxDeletes",schemaPath:"#/properties/spec/properties/plan/properties/maxDeletes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema37.properties.spec.properties.plan.properties.maxDeletes,data:data56};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
}
}
else {
const err110 = {instancePath:instancePath+"/spec/plan",schemaPath:"#/properties/spec/properties/plan/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.plan.type,parentSchema:schema37.properties.spec.properties.plan,data:data55};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
if(data4.drift !== undefined){
let data57 = data4.drift;
if(data57 && typeof data57 == "object" && !Array.isArray(data57)){
for(const key13 in data57){
if(!((key13 === "maxOpenPullRequestsPerLab") || (key13 === "scheduleMinutes"))){
const err111 = {instancePath:instancePath+"/spec/drift",schemaPath:"#/properties/spec/properties/drift/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.drift,data:data57};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
if(data57.maxOpenPullRequestsPerLab !== undefined){
let data58 = data57.maxOpenPullRequestsPerLab;
if(!(((typeof data58 == "number") && (!(data58 % 1) && !isNaN(data58))) && (isFinite(data58)))){
const err112 = {instancePath:instancePath+"/spec/drift/maxOpenPullRequestsPerLab",schemaPath:"#/properties/spec/properties/drift/properties/maxOpenPullRequestsPerLab/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.spec.properties.drift.properties.maxOpenPullRequestsPerLab.type,parentSchema:schema37.properties.spec.properties.drift.properties.maxOpenPullRequestsPerLab,data:data58};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
if((typeof data58 == "number") && (isFinite(data58))){
if(data58 < 0 || isNaN(data58)){
const err113 = {instancePath:instancePath+"/spec/drift/maxOpenPullRequestsPerLab",schemaPath:"#/properties/spec/properties/drift/properties/maxOpenPullRequestsPerLab/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema37.properties.spec.properties.drift.properties.maxOpenPullRequestsPerLab,data:data58};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
}
if(data57.scheduleMinutes !== undefined){
let data59 = data57.scheduleMinutes;
if(!(((typeof data59 == "number") && (!(data59 % 1) && !isNaN(data59))) && (isFinite(data59)))){
const err114 = {instancePath:instancePath+"/spec/drift/scheduleMinutes",schemaPath:"#/properties/spec/properties/drift/properties/scheduleMinutes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.spec.properties.drift.properties.scheduleMinutes.type,parentSchema:schema37.properties.spec.properties.drift.properties.scheduleMinutes,data:data59};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
if((typeof data59 == "number") && (isFinite(data59))){
if(data59 < 1 || isNaN(data59)){
const err115 = {instancePath:instancePath+"/spec/drift/scheduleMinutes",schemaPath:"#/properties/spec/properties/drift/properties/scheduleMinutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema37.properties.spec.properties.drift.properties.scheduleMinutes,data:data59};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
}
}
else {
const err116 = {instancePath:instancePath+"/spec/drift",schemaPath:"#/properties/spec/properties/drift/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.drift.type,parentSchema:schema37.properties.spec.properties.drift,data:data57};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
if(data4.snapshots !== undefined){
let data60 = data4.snapshots;
if(data60 && typeof data60 == "object" && !Array.isArray(data60)){
for(const key14 in data60){
if(!((key14 === "verifyEveryDays") || (key14 === "verifyMaxPerRun"))){
const err117 = {instancePath:instancePath+"/spec/snapshots",schemaPath:"#/properties/spec/properties/snapshots/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.snapshots,data:data60};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
if(data60.verifyEveryDays !== undefined){
let data61 = data60.verifyEveryDays;
if(!(((typeof data61 == "number") && (!(data61 % 1) && !isNaN(data61))) && (isFinite(data61)))){
const err118 = {instancePath:instancePath+"/spec/snapshots/verifyEveryDays",schemaPath:"#/properties/spec/properties/snapshots/properties/verifyEveryDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.spec.properties.snapshots.properties.verifyEveryDays.type,parentSchema:schema37.properties.spec.properties.snapshots.properties.verifyEveryDays,data:data61};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
if((typeof data61 == "number") && (isFinite(data61))){
if(data61 > 3650 || isNaN(data61)){
const err119 = {instancePath:instancePath+"/spec/snapshots/verifyEveryDays",schemaPath:"#/properties/spec/properties/snapshots/properties/verifyEveryDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3650},message:"must be <= 3650",schema:3650,parentSchema:schema37.properties.spec.properties.snapshots.properties.verifyEveryDays,data:data61};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
if(data61 < 1 || isNaN(data61)){
const err120 = {instancePath:instancePath+"/spec/snapshots/verifyEveryDays",schemaPath:"#/properties/spec/properties/snapshots/properties/verifyEveryDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema37.properties.spec.properties.snapshots.properties.verifyEveryDays,data:data61};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
}
if(data60.verifyMaxPerRun !== undefined){
let data62 = data60.verifyMaxPerRun;
if(!(((typeof data62 == "number") && (!(data62 % 1) && !isNaN(data62))) && (isFinite(data62)))){
const err121 = {instancePath:instancePath+"/spec/snapshots/verifyMaxPerRun",schemaPath:"#/properties/spec/properties/snapshots/properties/verifyMaxPerRun/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.spec.properties.snapshots.properties.verifyMaxPerRun.type,parentSchema:schema37.properties.spec.properties.snapshots.properties.verifyMaxPerRun,data:data62};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
if((typeof data62 == "number") && (isFinite(data62))){
if(data62 > 1000 || isNaN(data62)){
const err122 = {instancePath:instancePath+"/spec/snapshots/verifyMaxPerRun",schemaPath:"#/properties/spec/properties/snapshots/properties/verifyMaxPerRun/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema37.properties.spec.properties.snapshots.properties.verifyMaxPerRun,data:data62};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
if(data62 < 1 || isNaN(data62)){
const err123 = {instancePath:instancePath+"/spec/snapshots/verifyMaxPerRun",schemaPath:"#/properties/spec/properties/snapshots/properties/verifyMaxPerRun/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema37.properties.spec.properties.snapshots.properties.verifyMaxPerRun,data:data62};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
}
}
else {
const err124 = {instancePath:instancePath+"/spec/snapshots",schemaPath:"#/properties/spec/properties/snapshots/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.snapshots.type,parentSchema:schema37.properties.spec.properties.snapshots,data:data60};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
if(data4.shares !== undefined){
let data63 = data4.shares;
if(data63 && typeof data63 == "object" && !Array.isArray(data63)){
for(const key15 in data63){
if(!((key15 === "renewalNoticeDays") || (key15 === "renewalTermDays"))){
const err125 = {instancePath:instancePath+"/spec/shares",schemaPath:"#/properties/spec/properties/shares/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.shares,data:data63};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
if(data63.renewalNoticeDays !== undefined){
let data64 = data63.renewalNoticeDays;
if(!(((typeof data64 == "number") && (!(data64 % 1) && !isNaN(data64))) && (isFinite(data64)))){
const err126 = {instancePath:instancePath+"/spec/shares/renewalNoticeDays",schemaPath:"#/properties/spec/properties/shares/properties/renewalNoticeDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.spec.properties.shares.properties.renewalNoticeDays.type,parentSchema:schema37.properties.spec.properties.shares.properties.renewalNoticeDays,data:data64};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
if((typeof data64 == "number") && (isFinite(data64))){
if(data64 > 365 || isNaN(data64)){
const err127 = {instancePath:instancePath+"/spec/shares/renewalNoticeDays",schemaPath:"#/properties/spec/properties/shares/properties/renewalNoticeDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 365},message:"must be <= 365",schema:365,parentSchema:schema37.properties.spec.properties.shares.properties.renewalNoticeDays,data:data64};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
if(data64 < 1 || isNaN(data64)){
const err128 = {instancePath:instancePath+"/spec/shares/renewalNoticeDays",schemaPath:"#/properties/spec/properties/shares/properties/renewalNoticeDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema37.properties.spec.properties.shares.properties.renewalNoticeDays,data:data64};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
}
if(data63.renewalTermDays !== undefined){
let data65 = data63.renewalTermDays;
if(!(((typeof data65 == "number") && (!(data65 % 1) && !isNaN(data65))) && (isFinite(data65)))){
const err129 = {instancePath:instancePath+"/spec/shares/renewalTermDays",schemaPath:"#/properties/spec/properties/shares/properties/renewalTermDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.spec.properties.shares.properties.renewalTermDays.type,parentSchema:schema37.properties.spec.properties.shares.properties.renewalTermDays,data:data65};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
if((typeof data65 == "number") && (isFinite(data65))){
if(data65 > 1825 || isNaN(data65)){
const err130 = {instancePath:instancePath+"/spec/shares/renewalTermDays",schemaPath:"#/properties/spec/properties/shares/properties/renewalTermDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1825},message:"must be <= 1825",schema:1825,parentSchema:schema37.properties.spec.properties.shares.properties.renewalTermDays,data:data65};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
if(data65 < 1 || isNaN(data65)){
const err131 = {instancePath:instancePath+"/spec/shares/renewalTermDays",schemaPath:"#/properties/spec/properties/shares/properties/renewalTermDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema37.properties.spec.properties.shares.properties.renewalTermDays,data:data65};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
}
}
else {
const err132 = {instancePath:instancePath+"/spec/shares",schemaPath:"#/properties/spec/properties/shares/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.shares.type,parentSchema:schema37.properties.spec.properties.shares,data:data63};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
if(data4.dashboard !== undefined){
let data66 = data4.dashboard;
if(data66 && typeof data66 == "object" && !Array.isArray(data66)){
for(const key16 in data66){
if(!((key16 === "publish") || (key16 === "fleetViewers"))){
const err133 = {instancePath:instancePath+"/spec/dashboard",schemaPath:"#/properties/spec/properties/dashboard/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.dashboard,data:data66};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
if(data66.publish !== undefined){
let data67 = data66.publish;
if(typeof data67 !== "boolean"){
const err134 = {instancePath:instancePath+"/spec/dashboard/publish",schemaPath:"#/properties/spec/properties/dashboard/properties/publish/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema37.properties.spec.properties.dashboard.properties.publish.type,parentSchema:schema37.properties.spec.properties.dashboard.properties.publish,data:data67};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
if(data66.fleetViewers !== undefined){
let data68 = data66.fleetViewers;
if(Array.isArray(data68)){
if(data68.length > 200){
const err135 = {instancePath:instancePath+"/spec/dashboard/fleetViewers",schemaPath:"#/properties/spec/properties/dashboard/properties/fleetViewers/maxItems",keyword:"maxItems",params:{limit: 200},message:"must NOT have more than 200 items",schema:200,parentSchema:schema37.properties.spec.properties.dashboard.properties.fleetViewers,data:data68};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
const len2 = data68.length;
for(let i2=0; i2<len2; i2++){
let data69 = data68[i2];
if(typeof data69 === "string"){
if(!pattern127.test(data69)){
const err136 = {instancePath:instancePath+"/spec/dashboard/fleetViewers/" + i2,schemaPath:"#/properties/spec/properties/dashboard/properties/fleetViewers/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._@+-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._@+-]{1,128}$"+"\"",schema:"^[A-Za-z0-9._@+-]{1,128}$",parentSchema:schema37.properties.spec.properties.dashboard.properties.fleetViewers.items,data:data69};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
else {
const err137 = {instancePath:instancePath+"/spec/dashboard/fleetViewers/" + i2,schemaPath:"#/properties/spec/properties/dashboard/properties/fleetViewers/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.dashboard.properties.fleetViewers.items.type,parentSchema:schema37.properties.spec.properties.dashboard.properties.fleetViewers.items,data:data69};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
let i3 = data68.length;
let j0;
if(i3 > 1){
const indices0 = {};
for(;i3--;){
let item0 = data68[i3];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err138 = {instancePath:instancePath+"/spec/dashboard/fleetViewers",schemaPath:"#/properties/spec/properties/dashboard/properties/fleetViewers/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i3+" are identical)",schema:true,parentSchema:schema37.properties.spec.properties.dashboard.properties.fleetViewers,data:data68};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
break;
}
indices0[item0] = i3;
}
}
}
else {
const err139 = {instancePath:instancePath+"/spec/dashboard/fleetViewers",schemaPath:"#/properties/spec/properties/dashboard/properties/fleetViewers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.spec.properties.dashboard.properties.fleetViewers.type,parentSchema:schema37.properties.spec.properties.dashboard.properties.fleetViewers,data:data68};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
}
else {
const err140 = {instancePath:instancePath+"/spec/dashboard",schemaPath:"#/properties/spec/properties/dashboard/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.dashboard.type,parentSchema:schema37.properties.spec.properties.dashboard,data:data66};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
}
if(data4.packRegistries !== undefined){
let data70 = data4.packRegistries;
if(Array.isArray(data70)){
const len3 = data70.length;
for(let i4=0; i4<len3; i4++){
let data71 = data70[i4];
if(data71 && typeof data71 == "object" && !Array.isArray(data71)){
if(data71.name === undefined){
const err141 = {instancePath:instancePath+"/spec/packRegistries/" + i4,schemaPath:"#/properties/spec/properties/packRegistries/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema37.properties.spec.properties.packRegistries.items.required,parentSchema:schema37.properties.spec.properties.packRegistries.items,data:data71};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
if(data71.url === undefined){
const err142 = {instancePath:instancePath+"/spec/packRegistries/" + i4,schemaPath:"#/properties/spec/properties/packRegistries/items/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema37.properties.spec.properties.packRegistries.items.required,parentSchema:schema37.properties.spec.properties.packRegistries.items,data:data71};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
for(const key17 in data71){
if(!(((((key17 === "name") || (key17 === "url")) || (key17 === "trust")) || (key17 === "tokenEnv")) || (key17 === "requireSignedIndex"))){
const err143 = {instancePath:instancePath+"/spec/packRegistries/" + i4,schemaPath:"#/properties/spec/properties/packRegistries/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.packRegistries.items,data:data71};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
if(data71.name !== undefined){
let data72 = data71.name;
if(typeof data72 === "string"){
if(!pattern4.test(data72)){
const err144 = {instancePath:instancePath+"/spec/packRegistries/" + i4+"/name",schemaPath:"#/properties/spec/properties/packRegistries/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema37.properties.spec.properties.packRegistries.items.properties.name,data:data72};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
else {
const err145 = {instancePath:instancePath+"/spec/packRegistries/" + i4+"/name",schemaPath:"#/properties/spec/properties/packRegistries/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.packRegistries.items.properties.name.type,parentSchema:schema37.properties.spec.properties.packRegistries.items.properties.name,data:data72};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
if(data71.url !== undefined){
let data73 = data71.url;
if(typeof data73 === "string"){
if(!pattern129.test(data73)){
const err146 = {instancePath:instancePath+"/spec/packRegistries/" + i4+"/url",schemaPath:"#/properties/spec/properties/packRegistries/items/properties/url/pattern",keyword:"pattern",params:{pattern: "^(https?|file|git\\+file)://[^\\s]+$"},message:"must match pattern \""+"^(https?|file|git\\+file)://[^\\s]+$"+"\"",schema:"^(https?|file|git\\+file)://[^\\s]+$",parentSchema:schema37.properties.spec.properties.packRegistries.items.properties.url,data:data73};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
}
else {
const err147 = {instancePath:instancePath+"/spec/packRegistries/" + i4+"/url",schemaPath:"#/properties/spec/properties/packRegistries/items/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.packRegistries.items.properties.url.type,parentSchema:schema37.properties.spec.properties.packRegistries.items.properties.url,data:data73};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
if(data71.trust !== undefined){
let data74 = data71.trust;
if(Array.isArray(data74)){
if(data74.length < 1){
const err148 = {instancePath:instancePath+"/spec/packRegistries/" + i4+"/trust",schemaPath:"#/properties/spec/properties/packRegistries/items/properties/trust/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema37.properties.spec.properties.packRegistries.items.properties.trust,data:data74};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
const len4 = data74.length;
for(let i5=0; i5<len4; i5++){
let data75 = data74[i5];
if(typeof data75 !== "string"){
const err149 = {instancePath:instancePath+"/spec/packRegistries/" + i4+"/trust/" + i5,schemaPath:"#/properties/spec/properties/packRegistries/items/properties/trust/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.packRegistries.items.properties.trust.items.type,parentSchema:schema37.properties.spec.properties.packRegistries.items.properties.trust.items,data:data75};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
if(!(((data75 === "verified") || (data75 === "community")) || (data75 === "experimental"))){
const err150 = {instancePath:instancePath+"/spec/packRegistries/" + i4+"/trust/" + i5,schemaPath:"#/properties/spec/properties/packRegistries/items/properties/trust/items/enum",keyword:"enum",params:{allowedValues: schema37.properties.spec.properties.packRegistries.items.properties.trust.items.enum},message:"must be equal to one of the allowed values",schema:schema37.properties.spec.properties.packRegistries.items.properties.trust.items.enum,parentSchema:schema37.properties.spec.properties.packRegistries.items.properties.trust.items,data:data75};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
}
let i6 = data74.length;
let j1;
if(i6 > 1){
const indices1 = {};
for(;i6--;){
let item1 = data74[i6];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err151 = {instancePath:instancePath+"/spec/packRegistries/" + i4+"/trust",schemaPath:"#/properties/spec/properties/packRegistries/items/properties/trust/uniqueItems",keyword:"uniqueItems",params:{i: i6, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i6+" are identical)",schema:true,parentSchema:schema37.properties.spec.properties.packRegistries.items.properties.trust,data:data74};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
break;
}
indices1[item1] = i6;
}
}
}
else {
const err152 = {instancePath:instancePath+"/spec/packRegistries/" + i4+"/trust",schemaPath:"#/properties/spec/properties/packRegistries/items/properties/trust/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.spec.properties.packRegistries.items.properties.trust.type,parentSchema:schema37.properties.spec.properties.packRegistries.items.properties.trust,data:data74};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
if(data71.tokenEnv !== undefined){
let data76 = data71.tokenEnv;
if(typeof data76 === "string"){
if(!pattern130.test(data76)){
const err153 = {instancePath:instancePath+"/spec/packRegistries/" + i4+"/tokenEnv",schemaPath:"#/properties/spec/properties/packRegistries/items/properties/tokenEnv/pattern",keyword:"pattern",params:{pattern: "^[A-Z_][A-Z0-9_]*$"},message:"must match pattern \""+"^[A-Z_][A-Z0-9_]*$"+"\"",schema:"^[A-Z_][A-Z0-9_]*$",parentSchema:schema37.properties.spec.properties.packRegistries.items.properties.tokenEnv,data:data76};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
}
else {
const err154 = {instancePath:instancePath+"/spec/packRegistries/" + i4+"/tokenEnv",schemaPath:"#/properties/spec/properties/packRegistries/items/properties/tokenEnv/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.packRegistries.items.properties.tokenEnv.type,parentSchema:schema37.properties.spec.properties.packRegistries.items.properties.tokenEnv,data:data76};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
}
if(data71.requireSignedIndex !== undefined){
let data77 = data71.requireSignedIndex;
if(typeof data77 !== "boolean"){
const err155 = {instancePath:instancePath+"/spec/packRegistries/" + i4+"/requireSignedIndex",schemaPath:"#/properties/spec/properties/packRegistries/items/properties/requireSignedIndex/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema37.properties.spec.properties.packRegistries.items.properties.requireSignedIndex.type,parentSchema:schema37.properties.spec.properties.packRegistries.items.properties.requireSignedIndex,data:data77};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
}
else {
const err156 = {instancePath:instancePath+"/spec/packRegistries/" + i4,schemaPath:"#/properties/spec/properties/packRegistries/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.packRegistries.items.type,parentSchema:schema37.properties.spec.properties.packRegistries.items,data:data71};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
}
else {
const err157 = {instancePath:instancePath+"/spec/packRegistries",schemaPath:"#/properties/spec/properties/packRegistries/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.spec.properties.packRegistries.type,parentSchema:schema37.properties.spec.properties.packRegistries,data:data70};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
}
if(data4.packTrust !== undefined){
let data78 = data4.packTrust;
if(data78 && typeof data78 == "object" && !Array.isArray(data78)){
for(const key18 in data78){
if(!((key18 === "requireSignatures") || (key18 === "keys"))){
const err158 = {instancePath:instancePath+"/spec/packTrust",schemaPath:"#/properties/spec/properties/packTrust/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.packTrust,data:data78};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
if(data78.requireSignatures !== undefined){
let data79 = data78.requireSignatures;
if(typeof data79 !== "boolean"){
const err159 = {instancePath:instancePath+"/spec/packTrust/requireSignatures",schemaPath:"#/properties/spec/properties/packTrust/properties/requireSignatures/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema37.properties.spec.properties.packTrust.properties.requireSignatures.type,parentSchema:schema37.properties.spec.properties.packTrust.properties.requireSignatures,data:data79};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
if(data78.keys !== undefined){
let data80 = data78.keys;
if(Array.isArray(data80)){
const len5 = data80.length;
for(let i7=0; i7<len5; i7++){
let data81 = data80[i7];
if(data81 && typeof data81 == "object" && !Array.isArray(data81)){
if(data81.id === undefined){
const err160 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7,schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema37.properties.spec.properties.packTrust.properties.keys.items.required,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items,data:data81};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
if(data81.publicKey === undefined){
const err161 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7,schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/required",keyword:"required",params:{missingProperty: "publicKey"},message:"must have required property '"+"publicKey"+"'",schema:schema37.properties.spec.properties.packTrust.properties.keys.items.required,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items,data:data81};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
for(const key19 in data81){
if(!((((key19 === "id") || (key19 === "publicKey")) || (key19 === "registries")) || (key19 === "revoked"))){
const err162 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7,schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items,data:data81};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
if(data81.id !== undefined){
let data82 = data81.id;
if(typeof data82 === "string"){
if(!pattern31.test(data82)){
const err163 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/id",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.id,data:data82};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
}
else {
const err164 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/id",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.id.type,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.id,data:data82};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
}
if(data81.publicKey !== undefined){
let data83 = data81.publicKey;
if(typeof data83 === "string"){
if(!pattern132.test(data83)){
const err165 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/publicKey",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/publicKey/pattern",keyword:"pattern",params:{pattern: "^ed25519:[A-Za-z0-9_-]{43}$"},message:"must match pattern \""+"^ed25519:[A-Za-z0-9_-]{43}$"+"\"",schema:"^ed25519:[A-Za-z0-9_-]{43}$",parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.publicKey,data:data83};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
}
else {
const err166 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/publicKey",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/publicKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.publicKey.type,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.publicKey,data:data83};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
}
if(data81.registries !== undefined){
let data84 = data81.registries;
if(Array.isArray(data84)){
const len6 = data84.length;
for(let i8=0; i8<len6; i8++){
let data85 = data84[i8];
if(typeof data85 === "string"){
if(!pattern4.test(data85)){
const err167 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/registries/" + i8,schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/registries/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.registries.items,data:data85};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
else {
const err168 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/registries/" + i8,schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/registries/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.registries.items.type,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.registries.items,data:data85};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
}
let i9 = data84.length;
let j2;
if(i9 > 1){
const indices2 = {};
for(;i9--;){
let item2 = data84[i9];
if(typeof item2 !== "string"){
continue;
}
if(typeof indices2[item2] == "number"){
j2 = indices2[item2];
const err169 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/registries",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/registries/uniqueItems",keyword:"uniqueItems",params:{i: i9, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i9+" are identical)",schema:true,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.registries,data:data84};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
break;
}
indices2[item2] = i9;
}
}
}
else {
const err170 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/registries",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/registries/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.registries.type,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.registries,data:data84};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
}
if(data81.revoked !== undefined){
let data86 = data81.revoked;
if(data86 && typeof data86 == "object" && !Array.isArray(data86)){
if(data86.reason === undefined){
const err171 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/revoked",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/revoked/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.revoked.required,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.revoked,data:data86};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
for(const key20 in data86){
if(!((key20 === "reason") || (key20 === "on"))){
const err172 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/revoked",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/revoked/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.revoked,data:data86};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
}
if(data86.reason !== undefined){
let data87 = data86.reason;
if(typeof data87 === "string"){
if(func1(data87) > 512){
const err173 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/revoked/reason",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/revoked/properties/reason/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters",schema:512,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.revoked.properties.reason,data:data87};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
if(func1(data87) < 3){
const err174 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/revoked/reason",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/revoked/properties/reason/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters",schema:3,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.revoked.properties.reason,data:data87};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
}
else {
const err175 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/revoked/reason",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/revoked/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.revoked.properties.reason.type,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.revoked.properties.reason,data:data87};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
if(data86.on !== undefined){
let data88 = data86.on;
if(typeof data88 === "string"){
if(!(formats6.validate(data88))){
const err176 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/revoked/on",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/revoked/properties/on/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\"",schema:"date",parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.revoked.properties.on,data:data88};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
else {
const err177 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/revoked/on",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/revoked/properties/on/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.revoked.properties.on.type,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.revoked.properties.on,data:data88};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
}
else {
const err178 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7+"/revoked",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/properties/revoked/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.revoked.type,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items.properties.revoked,data:data86};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
}
}
else {
const err179 = {instancePath:instancePath+"/spec/packTrust/keys/" + i7,schemaPath:"#/properties/spec/properties/packTrust/properties/keys/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.packTrust.properties.keys.items.type,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys.items,data:data81};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
}
}
else {
const err180 = {instancePath:instancePath+"/spec/packTrust/keys",schemaPath:"#/properties/spec/properties/packTrust/properties/keys/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.spec.properties.packTrust.properties.keys.type,parentSchema:schema37.properties.spec.properties.packTrust.properties.keys,data:data80};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
}
else {
const err181 = {instancePath:instancePath+"/spec/packTrust",schemaPath:"#/properties/spec/properties/packTrust/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.properties.packTrust.type,parentSchema:schema37.properties.spec.properties.packTrust,data:data78};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
}
}
else {
const err182 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.spec.type,parentSchema:schema37.properties.spec,data:data4};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
}
}
else {
const err183 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.type,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const Share = validate27;
const schema38 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://labenv.westtek.io/schemas/v1/share.schema.json","title":"Share","description":"This lab lends one of its environments (or a snapshot of it) to another lab. Needs approval from an approver of each lab. Lives at `environments/<lab>/shares/<name>.yaml` in the owning lab.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"labenv.westtek.io/v1","description":"The labenv document format version. Always `labenv.westtek.io/v1`."},"kind":{"const":"Share","description":"The document kind: `Share`."},"metadata":{"type":"object","additionalProperties":false,"required":["name","lab"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The share's name. Must equal the file name without `.yaml`."},"lab":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The lab that owns what is shared. Must equal the directory: `environments/<lab>/shares/`."},"labels":{"type":"object","description":"Free-form labels for grouping and search. Keys must not look like secrets: labenv never stores credentials in Git.","propertyNames":{"pattern":"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$","not":{"pattern":"[Pp][Aa][Ss][Ss][Ww]([Oo][Rr])?[Dd]|[Ss][Ee][Cc][Rr][Ee][Tt]|[Tt][Oo][Kk][Ee][Nn]|[Aa][Pp][Ii][-_]?[Kk][Ee][Yy]|[Pp][Rr][Ii][Vv][Aa][Tt][Ee][-_]?[Kk][Ee][Yy]|[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll]|[Aa][Cc][Cc][Ee][Ss][Ss][-_]?[Kk][Ee][Yy]"}},"additionalProperties":{"type":"string","maxLength":256}}}},"spec":{"type":"object","additionalProperties":false,"required":["environment","to","access","expires","purpose"],"properties":{"environment":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The owning lab's environment that is shared."},"snapshot":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"Share this snapshot of the environment rather than the live environment."},"to":{"type":"object","additionalProperties":false,"required":["lab"],"description":"Who receives the share.","properties":{"lab":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The receiving lab."},"members":{"type":"array","items":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"A member id from the lab's `lab.yaml` (`spec.members[].id`)."},"uniqueItems":true,"description":"Members of the receiving lab who get access. Default: all of them."}}},"access":{"type":"string","enum":["read-only","clone"],"description":"`read-only`: each receiving member gets an EFS access point onto the environment's home, mounted read-only at `mountPath` in the environments they own in the receiving lab; `clone`: the receiving lab gets an environment of its own, created from a snapshot taken when the share is granted (it stays after the share ends)."},"mountPath":{"type":"string","pattern":"^/(?!home/jovyan(/|$))(?!opt/jupyter(/|$))[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$","maxLength":256,"description":"Where a `read-only` share is mounted in the receiving members' environments (an absolute path, not under /home/jovyan or /opt/jupyter). Default: `/shared/<owning lab>/<environment>`."},"expires":{"type":"string","format":"date","description":"The last day of the share. The day after, the next reconcile revokes it (a warning in validate, a revoke in the plan); a week before, labenv proposes renewal or removal."},"renewal":{"type":"object","additionalProperties":false,"description":"When labenv proposes renewing this share and for how long (each default comes from labenv.yaml `shares`, else 7 and 90 days). The notice must be shorter than the term, or a merged renewal would be due again at once.","properties":{"noticeDays":{"type":"integer","minimum":1,"maximum":365,"description":"How many days before `expires` the renewal pull request opens (the last day counts as 0). Default: labenv.yaml `shares.renewalNoticeDays`, else 7."},"termDays":{"type":"integer","minimum":1,"maximum":1825,"description":"How many days after `expires` the renewal pull request proposes as the new last day (its reviewers may change the date). Default: labenv.yaml `shares.renewalTermDays`, else 90."}}},"purpose":{"type":"string","minLength":3,"maxLength":512,"description":"Why the environment is shared (collaboration, reproduction of a paper)."},"allowRestricted":{"type":"boolean","default":false,"description":"Share an environment marked `criticality: restricted`. Without it such a share is refused; with it the owning lab's PI must approve the pull request."}}}}};
const pattern142 = new RegExp("^/(?!home/jovyan(/|$))(?!opt/jupyter(/|$))[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$", "u");

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://labenv.westtek.io/schemas/v1/share.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate27.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("labenv.westtek.io/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "labenv.westtek.io/v1"},message:"must be equal to constant",schema:"labenv.westtek.io/v1",parentSchema:schema38.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("Share" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Share"},message:"must be equal to constant",schema:"Share",parentSchema:schema38.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema38.properties.metadata.required,parentSchema:schema38.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data2.lab === undefined){
const err8 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "lab"},message:"must have required property '"+"lab"+"'",schema:schema38.properties.metadata.required,parentSchema:schema38.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key1 in data2){
if(!(((key1 === "name") || (key1 === "lab")) || (key1 === "labels"))){
const err9 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema38.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err10 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema38.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.metadata.properties.name.type,parentSchema:schema38.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.lab !== undefined){
let data4 = data2.lab;
if(typeof data4 === "string"){
if(!pattern4.test(data4)){
const err12 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema38.properties.metadata.properties.lab,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.metadata.properties.lab.type,parentSchema:schema38.properties.metadata.properties.lab,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data2.labels !== undefined){
let data5 = data2.labels;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key2 in data5){
const _errs13 = errors;
const _errs14 = errors;
const _errs15 = errors;
if(typeof key2 === "string"){
if(!pattern6.test(key2)){
const err14 = {};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var valid3 = _errs15 === errors;
if(valid3){
const err15 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema38.properties.metadata.properties.labels.propertyNames.not,parentSchema:schema38.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
}
if(typeof key2 === "string"){
if(!pattern7.test(key2)){
const err16 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"},message:"must match pattern \""+"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"+"\"",schema:"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$",parentSchema:schema38.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var valid2 = _errs13 === errors;
if(!valid2){
const err17 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema38.properties.metadata.properties.labels.propertyNames,parentSchema:schema38.properties.metadata.properties.labels,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
for(const key3 in data5){
let data6 = data5[key3];
if(typeof data6 === "string"){
if(func1(data6) > 256){
const err18 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema38.properties.metadata.properties.labels.additionalProperties,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.metadata.properties.labels.additionalProperties.type,parentSchema:schema38.properties.metadata.properties.labels.additionalProperties,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.properties.metadata.properties.labels.type,parentSchema:schema38.properties.metadata.properties.labels,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.properties.metadata.type,parentSchema:schema38.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.spec !== undefined){
let data7 = data.spec;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.environment === undefined){
const err22 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "environment"},message:"must have required property '"+"environment"+"'",schema:schema38.properties.spec.required,parentSchema:schema38.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data7.to === undefined){
const err23 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'",schema:schema38.properties.spec.required,parentSchema:schema38.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data7.access === undefined){
const err24 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "access"},message:"must have required property '"+"access"+"'",schema:schema38.properties.spec.required,parentSchema:schema38.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data7.expires === undefined){
const err25 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "expires"},message:"must have required property '"+"expires"+"'",schema:schema38.properties.spec.required,parentSchema:schema38.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data7.purpose === undefined){
const err26 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "purpose"},message:"must have required property '"+"purpose"+"'",schema:schema38.properties.spec.required,parentSchema:schema38.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
for(const key4 in data7){
if(!(func2.call(schema38.properties.spec.properties, key4))){
const err27 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema38.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data7.environment !== undefined){
let data8 = data7.environment;
if(typeof data8 === "string"){
if(!pattern4.test(data8)){
const err28 = {instancePath:instancePath+"/spec/environment",schemaPath:"#/properties/spec/properties/environment/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema38.properties.spec.properties.environment,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/spec/environment",schemaPath:"#/properties/spec/properties/environment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.spec.properties.environment.type,parentSchema:schema38.properties.spec.properties.environment,data:data8};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data7.snapshot !== undefined){
let data9 = data7.snapshot;
if(typeof data9 === "string"){
if(!pattern4.test(data9)){
const err30 = {instancePath:instancePath+"/spec/snapshot",schemaPath:"#/properties/spec/properties/snapshot/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema38.properties.spec.properties.snapshot,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/spec/snapshot",schemaPath:"#/properties/spec/properties/snapshot/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.spec.properties.snapshot.type,parentSchema:schema38.properties.spec.properties.snapshot,data:data9};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data7.to !== undefined){
let data10 = data7.to;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.lab === undefined){
const err32 = {instancePath:instancePath+"/spec/to",schemaPath:"#/properties/spec/properties/to/required",keyword:"required",params:{missingProperty: "lab"},message:"must have required property '"+"lab"+"'",schema:schema38.properties.spec.properties.to.required,parentSchema:schema38.properties.spec.properties.to,data:data10};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
for(const key5 in data10){
if(!((key5 === "lab") || (key5 === "members"))){
const err33 = {instancePath:instancePath+"/spec/to",schemaPath:"#/properties/spec/properties/to/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema38.properties.spec.properties.to,data:data10};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data10.lab !== undefined){
let data11 = data10.lab;
if(typeof data11 === "string"){
if(!pattern4.test(data11)){
const err34 = {instancePath:instancePath+"/spec/to/lab",schemaPath:"#/properties/spec/properties/to/properties/lab/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema38.properties.spec.properties.to.properties.lab,data:data11};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/spec/to/lab",schemaPath:"#/properties/spec/properties/to/properties/lab/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.spec.properties.to.properties.lab.type,parentSchema:schema38.properties.spec.properties.to.properties.lab,data:data11};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data10.members !== undefined){
let data12 = data10.members;
if(Array.isArray(data12)){
const len0 = data12.length;
for(let i0=0; i0<len0; i0++){
let data13 = data12[i0];
if(typeof data13 === "string"){
if(!pattern4.test(data13)){
const err36 = {instancePath:instancePath+"/spec/to/members/" + i0,schemaPath:"#/properties/spec/properties/to/properties/members/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema38.properties.spec.properties.to.properties.members.items,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/spec/to/members/" + i0,schemaPath:"#/properties/spec/properties/to/properties/members/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.spec.properties.to.properties.members.items.type,parentSchema:schema38.properties.spec.properties.to.properties.members.items,data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
let i1 = data12.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data12[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err38 = {instancePath:instancePath+"/spec/to/members",schemaPath:"#/properties/spec/properties/to/properties/members/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema38.properties.spec.properties.to.properties.members,data:data12};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err39 = {instancePath:instancePath+"/spec/to/members",schemaPath:"#/properties/spec/properties/to/properties/members/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema38.properties.spec.properties.to.properties.members.type,parentSchema:schema38.properties.spec.properties.to.properties.members,data:data12};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath:instancePath+"/spec/to",schemaPath:"#/properties/spec/properties/to/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.properties.spec.properties.to.type,parentSchema:schema38.properties.spec.properties.to,data:data10};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data7.access !== undefined){
let data14 = data7.access;
if(typeof data14 !== "string"){
const err41 = {instancePath:instancePath+"/spec/access",schemaPath:"#/properties/spec/properties/access/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.spec.properties.access.type,parentSchema:schema38.properties.spec.properties.access,data:data14};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(!((data14 === "read-only") || (data14 === "clone"))){
const err42 = {instancePath:instancePath+"/spec/access",schemaPath:"#/properties/spec/properties/access/enum",keyword:"enum",params:{allowedValues: schema38.properties.spec.properties.access.enum},message:"must be equal to one of the allowed values",schema:schema38.properties.spec.properties.access.enum,parentSchema:schema38.properties.spec.properties.access,data:data14};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data7.mountPath !== undefined){
let data15 = data7.mountPath;
if(typeof data15 === "string"){
if(func1(data15) > 256){
const err43 = {instancePath:instancePath+"/spec/mountPath",schemaPath:"#/properties/spec/properties/mountPath/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema38.properties.spec.properties.mountPath,data:data15};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(!pattern142.test(data15)){
const err44 = {instancePath:instancePath+"/spec/mountPath",schemaPath:"#/properties/spec/properties/mountPath/pattern",keyword:"pattern",params:{pattern: "^/(?!home/jovyan(/|$))(?!opt/jupyter(/|$))[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$"},message:"must match pattern \""+"^/(?!home/jovyan(/|$))(?!opt/jupyter(/|$))[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$"+"\"",schema:"^/(?!home/jovyan(/|$))(?!opt/jupyter(/|$))[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$",parentSchema:schema38.properties.spec.properties.mountPath,data:data15};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/spec/mountPath",schemaPath:"#/properties/spec/properties/mountPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.spec.properties.mountPath.type,parentSchema:schema38.properties.spec.properties.mountPath,data:data15};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data7.expires !== undefined){
let data16 = data7.expires;
if(typeof data16 === "string"){
if(!(formats6.validate(data16))){
const err46 = {instancePath:instancePath+"/spec/expires",schemaPath:"#/properties/spec/properties/expires/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\"",schema:"date",parentSchema:schema38.properties.spec.properties.expires,data:data16};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/spec/expires",schemaPath:"#/properties/spec/properties/expires/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.spec.properties.expires.type,parentSchema:schema38.properties.spec.properties.expires,data:data16};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data7.renewal !== undefined){
let data17 = data7.renewal;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
for(const key6 in data17){
if(!((key6 === "noticeDays") || (key6 === "termDays"))){
const err48 = {instancePath:instancePath+"/spec/renewal",schemaPath:"#/properties/spec/properties/renewal/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema38.properties.spec.properties.renewal,data:data17};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data17.noticeDays !== undefined){
let data18 = data17.noticeDays;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
const err49 = {instancePath:instancePath+"/spec/renewal/noticeDays",schemaPath:"#/properties/spec/properties/renewal/properties/noticeDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema38.properties.spec.properties.renewal.properties.noticeDays.type,parentSchema:schema38.properties.spec.properties.renewal.properties.noticeDays,data:data18};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 > 365 || isNaN(data18)){
const err50 = {instancePath:instancePath+"/spec/renewal/noticeDays",schemaPath:"#/properties/spec/properties/renewal/properties/noticeDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 365},message:"must be <= 365",schema:365,parentSchema:schema38.properties.spec.properties.renewal.properties.noticeDays,data:data18};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(data18 < 1 || isNaN(data18)){
const err51 = {instancePath:instancePath+"/spec/renewal/noticeDays",schemaPath:"#/properties/spec/properties/renewal/properties/noticeDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema38.properties.spec.properties.renewal.properties.noticeDays,data:data18};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
if(data17.termDays !== undefined){
let data19 = data17.termDays;
if(!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))){
const err52 = {instancePath:instancePath+"/spec/renewal/termDays",schemaPath:"#/properties/spec/properties/renewal/properties/termDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema38.properties.spec.properties.renewal.properties.termDays.type,parentSchema:schema38.properties.spec.properties.renewal.properties.termDays,data:data19};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 > 1825 || isNaN(data19)){
const err53 = {instancePath:instancePath+"/spec/renewal/termDays",schemaPath:"#/properties/spec/properties/renewal/properties/termDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1825},message:"must be <= 1825",schema:1825,parentSchema:schema38.properties.spec.properties.renewal.properties.termDays,data:data19};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(data19 < 1 || isNaN(data19)){
const err54 = {instancePath:instancePath+"/spec/renewal/termDays",schemaPath:"#/properties/spec/properties/renewal/properties/termDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema38.properties.spec.properties.renewal.properties.termDays,data:data19};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
}
else {
const err55 = {instancePath:instancePath+"/spec/renewal",schemaPath:"#/properties/spec/properties/renewal/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.properties.spec.properties.renewal.type,parentSchema:schema38.properties.spec.properties.renewal,data:data17};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data7.purpose !== undefined){
let data20 = data7.purpose;
if(typeof data20 === "string"){
if(func1(data20) > 512){
const err56 = {instancePath:instancePath+"/spec/purpose",schemaPath:"#/properties/spec/properties/purpose/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters",schema:512,parentSchema:schema38.properties.spec.properties.purpose,data:data20};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(func1(data20) < 3){
const err57 = {instancePath:instancePath+"/spec/purpose",schemaPath:"#/properties/spec/properties/purpose/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters",schema:3,parentSchema:schema38.properties.spec.properties.purpose,data:data20};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
else {
const err58 = {instancePath:instancePath+"/spec/purpose",schemaPath:"#/properties/spec/properties/purpose/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.spec.properties.purpose.type,parentSchema:schema38.properties.spec.properties.purpose,data:data20};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data7.allowRestricted !== undefined){
let data21 = data7.allowRestricted;
if(typeof data21 !== "boolean"){
const err59 = {instancePath:instancePath+"/spec/allowRestricted",schemaPath:"#/properties/spec/properties/allowRestricted/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema38.properties.spec.properties.allowRestricted.type,parentSchema:schema38.properties.spec.properties.allowRestricted,data:data21};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.properties.spec.type,parentSchema:schema38.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
else {
const err61 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
validate27.errors = vErrors;
return errors === 0;
}
validate27.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const Snapshot = validate28;
const schema39 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://labenv.westtek.io/schemas/v1/snapshot.schema.json","title":"Snapshot","description":"A request to capture an environment at a point in time: the EBS volume with its installed packages and, optionally, the owner's EFS home (through AWS Backup). Lives at `environments/<lab>/<env>/snapshots/<name>.yaml`.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"labenv.westtek.io/v1","description":"The labenv document format version. Always `labenv.westtek.io/v1`."},"kind":{"const":"Snapshot","description":"The document kind: `Snapshot`."},"metadata":{"type":"object","additionalProperties":false,"required":["name","lab","environment"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The snapshot's name. Must equal the file name without `.yaml`."},"lab":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The lab that owns this environment. Must equal the directory name: `environments/<lab>/`."},"environment":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The environment captured. Must equal the directory: `environments/<lab>/<environment>/snapshots/`."},"labels":{"type":"object","description":"Free-form labels for grouping and search. Keys must not look like secrets: labenv never stores credentials in Git.","propertyNames":{"pattern":"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$","not":{"pattern":"[Pp][Aa][Ss][Ss][Ww]([Oo][Rr])?[Dd]|[Ss][Ee][Cc][Rr][Ee][Tt]|[Tt][Oo][Kk][Ee][Nn]|[Aa][Pp][Ii][-_]?[Kk][Ee][Yy]|[Pp][Rr][Ii][Vv][Aa][Tt][Ee][-_]?[Kk][Ee][Yy]|[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll]|[Aa][Cc][Cc][Ee][Ss][Ss][-_]?[Kk][Ee][Yy]"}},"additionalProperties":{"type":"string","maxLength":256}}}},"spec":{"type":"object","additionalProperties":false,"required":["requestedBy","reason"],"properties":{"requestedBy":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The member who asked for the snapshot."},"reason":{"type":"string","minLength":3,"maxLength":512,"description":"Why the snapshot is taken (e.g. `before upgrading to genomics@2`, `paper submission`)."},"experiment":{"type":"string","maxLength":128,"description":"The experiment this snapshot records, for audits."},"include":{"type":"object","additionalProperties":false,"description":"What to capture.","properties":{"packages":{"type":"boolean","default":true,"description":"The EBS volume at `/opt/jupyter` (installed packages, kernels)."},"home":{"type":"boolean","default":false,"description":"The owner's EFS home directory, as an AWS Backup recovery point."}}},"retention":{"type":"object","additionalProperties":false,"description":"How long the snapshot is kept and where its data lives as it ages. Snapshots are kept at least ten years from capture, never deleted earlier, and never while under legal hold. A snapshot an environment restores from stays hot whatever these say.","properties":{"keepUntil":{"type":"string","format":"date","description":"Keep at least until this date."},"warmAfterDays":{"type":"integer","minimum":1,"maximum":36500,"description":"Days after capture when the home's AWS Backup recovery point moves to cold storage (the warm tier: the packages still restore in minutes, the home's restore is slower). Default 30; never later than archiveAfterDays."},"archiveAfterDays":{"type":"integer","minimum":1,"maximum":36500,"description":"Days after capture when the /opt/jupyter volume snapshot moves to the EBS archive tier (the archive tier: a restore first waits 24-72 hours for it to come back). Default 365."},"legalHold":{"type":"boolean","default":false,"description":"Never delete while true, whatever the dates say."}}}}}}};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://labenv.westtek.io/schemas/v1/snapshot.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("labenv.westtek.io/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "labenv.westtek.io/v1"},message:"must be equal to constant",schema:"labenv.westtek.io/v1",parentSchema:schema39.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("Snapshot" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Snapshot"},message:"must be equal to constant",schema:"Snapshot",parentSchema:schema39.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema39.properties.metadata.required,parentSchema:schema39.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data2.lab === undefined){
const err8 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "lab"},message:"must have required property '"+"lab"+"'",schema:schema39.properties.metadata.required,parentSchema:schema39.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data2.environment === undefined){
const err9 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "environment"},message:"must have required property '"+"environment"+"'",schema:schema39.properties.metadata.required,parentSchema:schema39.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key1 in data2){
if(!((((key1 === "name") || (key1 === "lab")) || (key1 === "environment")) || (key1 === "labels"))){
const err10 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema39.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err11 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema39.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.metadata.properties.name.type,parentSchema:schema39.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data2.lab !== undefined){
let data4 = data2.lab;
if(typeof data4 === "string"){
if(!pattern4.test(data4)){
const err13 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema39.properties.metadata.properties.lab,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.metadata.properties.lab.type,parentSchema:schema39.properties.metadata.properties.lab,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data2.environment !== undefined){
let data5 = data2.environment;
if(typeof data5 === "string"){
if(!pattern4.test(data5)){
const err15 = {instancePath:instancePath+"/metadata/environment",schemaPath:"#/properties/metadata/properties/environment/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema39.properties.metadata.properties.environment,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/metadata/environment",schemaPath:"#/properties/metadata/properties/environment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.metadata.properties.environment.type,parentSchema:schema39.properties.metadata.properties.environment,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data2.labels !== undefined){
let data6 = data2.labels;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key2 in data6){
const _errs15 = errors;
const _errs16 = errors;
const _errs17 = errors;
if(typeof key2 === "string"){
if(!pattern6.test(key2)){
const err17 = {};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
var valid3 = _errs17 === errors;
if(valid3){
const err18 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema39.properties.metadata.properties.labels.propertyNames.not,parentSchema:schema39.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs16;
if(vErrors !== null){
if(_errs16){
vErrors.length = _errs16;
}
else {
vErrors = null;
}
}
}
if(typeof key2 === "string"){
if(!pattern7.test(key2)){
const err19 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"},message:"must match pattern \""+"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"+"\"",schema:"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$",parentSchema:schema39.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
var valid2 = _errs15 === errors;
if(!valid2){
const err20 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema39.properties.metadata.properties.labels.propertyNames,parentSchema:schema39.properties.metadata.properties.labels,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
for(const key3 in data6){
let data7 = data6[key3];
if(typeof data7 === "string"){
if(func1(data7) > 256){
const err21 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema39.properties.metadata.properties.labels.additionalProperties,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.metadata.properties.labels.additionalProperties.type,parentSchema:schema39.properties.metadata.properties.labels.additionalProperties,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.metadata.properties.labels.type,parentSchema:schema39.properties.metadata.properties.labels,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.metadata.type,parentSchema:schema39.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.spec !== undefined){
let data8 = data.spec;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.requestedBy === undefined){
const err25 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "requestedBy"},message:"must have required property '"+"requestedBy"+"'",schema:schema39.properties.spec.required,parentSchema:schema39.properties.spec,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data8.reason === undefined){
const err26 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema39.properties.spec.required,parentSchema:schema39.properties.spec,data:data8};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
for(const key4 in data8){
if(!(((((key4 === "requestedBy") || (key4 === "reason")) || (key4 === "experiment")) || (key4 === "include")) || (key4 === "retention"))){
const err27 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema39.properties.spec,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data8.requestedBy !== undefined){
let data9 = data8.requestedBy;
if(typeof data9 === "string"){
if(!pattern4.test(data9)){
const err28 = {instancePath:instancePath+"/spec/requestedBy",schemaPath:"#/properties/spec/properties/requestedBy/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema39.properties.spec.properties.requestedBy,data:data9};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/spec/requestedBy",schemaPath:"#/properties/spec/properties/requestedBy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.spec.properties.requestedBy.type,parentSchema:schema39.properties.spec.properties.requestedBy,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data8.reason !== undefined){
let data10 = data8.reason;
if(typeof data10 === "string"){
if(func1(data10) > 512){
const err30 = {instancePath:instancePath+"/spec/reason",schemaPath:"#/properties/spec/properties/reason/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters",schema:512,parentSchema:schema39.properties.spec.properties.reason,data:data10};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(func1(data10) < 3){
const err31 = {instancePath:instancePath+"/spec/reason",schemaPath:"#/properties/spec/properties/reason/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters",schema:3,parentSchema:schema39.properties.spec.properties.reason,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/spec/reason",schemaPath:"#/properties/spec/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.spec.properties.reason.type,parentSchema:schema39.properties.spec.properties.reason,data:data10};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data8.experiment !== undefined){
let data11 = data8.experiment;
if(typeof data11 === "string"){
if(func1(data11) > 128){
const err33 = {instancePath:instancePath+"/spec/experiment",schemaPath:"#/properties/spec/properties/experiment/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema39.properties.spec.properties.experiment,data:data11};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/spec/experiment",schemaPath:"#/properties/spec/properties/experiment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.spec.properties.experiment.type,parentSchema:schema39.properties.spec.properties.experiment,data:data11};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data8.include !== undefined){
let data12 = data8.include;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key5 in data12){
if(!((key5 === "packages") || (key5 === "home"))){
const err35 = {instancePath:instancePath+"/spec/include",schemaPath:"#/properties/spec/properties/include/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema39.properties.spec.properties.include,data:data12};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data12.packages !== undefined){
let data13 = data12.packages;
if(typeof data13 !== "boolean"){
const err36 = {instancePath:instancePath+"/spec/include/packages",schemaPath:"#/properties/spec/properties/include/properties/packages/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema39.properties.spec.properties.include.properties.packages.type,parentSchema:schema39.properties.spec.properties.include.properties.packages,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data12.home !== undefined){
let data14 = data12.home;
if(typeof data14 !== "boolean"){
const err37 = {instancePath:instancePath+"/spec/include/home",schemaPath:"#/properties/spec/properties/include/properties/home/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema39.properties.spec.properties.include.properties.home.type,parentSchema:schema39.properties.spec.properties.include.properties.home,data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/spec/include",schemaPath:"#/properties/spec/properties/include/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.spec.properties.include.type,parentSchema:schema39.properties.spec.properties.include,data:data12};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data8.retention !== undefined){
let data15 = data8.retention;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
for(const key6 in data15){
if(!((((key6 === "keepUntil") || (key6 === "warmAfterDays")) || (key6 === "archiveAfterDays")) || (key6 === "legalHold"))){
const err39 = {instancePath:instancePath+"/spec/retention",schemaPath:"#/properties/spec/properties/retention/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema39.properties.spec.properties.retention,data:data15};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data15.keepUntil !== undefined){
let data16 = data15.keepUntil;
if(typeof data16 === "string"){
if(!(formats6.validate(data16))){
const err40 = {instancePath:instancePath+"/spec/retention/keepUntil",schemaPath:"#/properties/spec/properties/retention/properties/keepUntil/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\"",schema:"date",parentSchema:schema39.properties.spec.properties.retention.properties.keepUntil,data:data16};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
else {
const err41 = {instancePath:instancePath+"/spec/retention/keepUntil",schemaPath:"#/properties/spec/properties/retention/properties/keepUntil/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.spec.properties.retention.properties.keepUntil.type,parentSchema:schema39.properties.spec.properties.retention.properties.keepUntil,data:data16};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data15.warmAfterDays !== undefined){
let data17 = data15.warmAfterDays;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err42 = {instancePath:instancePath+"/spec/retention/warmAfterDays",schemaPath:"#/properties/spec/properties/retention/properties/warmAfterDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema39.properties.spec.properties.retention.properties.warmAfterDays.type,parentSchema:schema39.properties.spec.properties.retention.properties.warmAfterDays,data:data17};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 > 36500 || isNaN(data17)){
const err43 = {instancePath:instancePath+"/spec/retention/warmAfterDays",schemaPath:"#/properties/spec/properties/retention/properties/warmAfterDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 36500},message:"must be <= 36500",schema:36500,parentSchema:schema39.properties.spec.properties.retention.properties.warmAfterDays,data:data17};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(data17 < 1 || isNaN(data17)){
const err44 = {instancePath:instancePath+"/spec/retention/warmAfterDays",schemaPath:"#/properties/spec/properties/retention/properties/warmAfterDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema39.properties.spec.properties.retention.properties.warmAfterDays,data:data17};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
if(data15.archiveAfterDays !== undefined){
let data18 = data15.archiveAfterDays;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
const err45 = {instancePath:instancePath+"/spec/retention/archiveAfterDays",schemaPath:"#/properties/spec/properties/retention/properties/archiveAfterDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema39.properties.spec.properties.retention.properties.archiveAfterDays.type,parentSchema:schema39.properties.spec.properties.retention.properties.archiveAfterDays,data:data18};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 > 36500 || isNaN(data18)){
const err46 = {instancePath:instancePath+"/spec/retention/archiveAfterDays",schemaPath:"#/properties/spec/properties/retention/properties/archiveAfterDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 36500},message:"must be <= 36500",schema:36500,parentSchema:schema39.properties.spec.properties.retention.properties.archiveAfterDays,data:data18};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(data18 < 1 || isNaN(data18)){
const err47 = {instancePath:instancePath+"/spec/retention/archiveAfterDays",schemaPath:"#/properties/spec/properties/retention/properties/archiveAfterDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema39.properties.spec.properties.retention.properties.archiveAfterDays,data:data18};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
if(data15.legalHold !== undefined){
let data19 = data15.legalHold;
if(typeof data19 !== "boolean"){
const err48 = {instancePath:instancePath+"/spec/retention/legalHold",schemaPath:"#/properties/spec/properties/retention/properties/legalHold/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema39.properties.spec.properties.retention.properties.legalHold.type,parentSchema:schema39.properties.spec.properties.retention.properties.legalHold,data:data19};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath:instancePath+"/spec/retention",schemaPath:"#/properties/spec/properties/retention/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.spec.properties.retention.type,parentSchema:schema39.properties.spec.properties.retention,data:data15};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
else {
const err50 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.spec.type,parentSchema:schema39.properties.spec,data:data8};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const SnapshotRecord = validate29;
const schema40 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://labenv.westtek.io/schemas/v1/snapshot-record.schema.json","title":"SnapshotRecord","description":"What labenv captured for a Snapshot document, committed back to git through labenv's own pull request so it is reviewed and audited. Generated, never hand-edited. Lives beside the request at `environments/<lab>/<env>/snapshots/<name>.lock.yaml`. The manifest it names (in the object store) holds every checksum; this record names the manifest by its digest.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"labenv.westtek.io/v1","description":"The labenv document format version. Always `labenv.westtek.io/v1`."},"kind":{"const":"SnapshotRecord","description":"The document kind: `SnapshotRecord`."},"metadata":{"type":"object","additionalProperties":false,"required":["name","lab","environment"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The snapshot's name: the file name without `.lock.yaml`, the same as its Snapshot document's."},"lab":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The lab. Must equal the directory name: `environments/<lab>/`."},"environment":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The environment captured. Must equal the directory: `environments/<lab>/<environment>/snapshots/`."}}},"spec":{"type":"object","additionalProperties":false,"required":["state","capturedAt","manifest","commit","provider","lock"],"properties":{"state":{"const":"captured","description":"What the snapshot is: `captured` (its manifest was written)."},"capturedAt":{"type":"string","format":"date-time","description":"When it was captured (UTC)."},"manifest":{"type":"object","additionalProperties":false,"required":["key","digest"],"properties":{"key":{"type":"string","maxLength":1024,"description":"The manifest's key in the object store."},"digest":{"type":"string","pattern":"^sha256:[0-9a-f]{64}$","description":"The sha256 of the manifest's canonical bytes: its identity. `labenv snapshot verify` proves the manifest against it."}},"description":"The manifest that lists every object and file with its sha256."},"commit":{"type":"string","pattern":"^[0-9a-f]{7,64}$","description":"The commit of main the capture ran for."},"provider":{"type":"string","maxLength":256,"description":"Where it was captured (`sandbox (…)`, `aws eu-west-1 …`)."},"lock":{"type":"object","additionalProperties":false,"required":["digest","domainPack"],"properties":{"digest":{"type":"string","maxLength":100,"description":"The environment lock's digest at capture."},"domainPack":{"type":"string","maxLength":200,"description":"The domain pack the lock was built from (`name@version`)."}},"description":"The environment's lock at capture."},"image":{"type":"string","maxLength":1024,"description":"The image the task ran, by digest."},"volumeSnapshotId":{"type":"string","maxLength":64,"description":"The EBS snapshot of `/opt/jupyter`."},"home":{"type":"object","additionalProperties":false,"required":["recoveryPointArn","path","fileCount","totalBytes"],"properties":{"recoveryPointArn":{"type":"string","maxLength":2048,"description":"The AWS Backup recovery point holding the home."},"path":{"type":"string","maxLength":1024,"description":"The home's path from the file system root."},"fileCount":{"type":"integer","minimum":0,"description":"How many files the home held."},"totalBytes":{"type":"integer","minimum":0,"description":"Their total size in bytes."}},"description":"The home, when the snapshot includes it."}}}}};
const pattern152 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
const pattern153 = new RegExp("^[0-9a-f]{7,64}$", "u");

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://labenv.westtek.io/schemas/v1/snapshot-record.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate29.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("labenv.westtek.io/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "labenv.westtek.io/v1"},message:"must be equal to constant",schema:"labenv.westtek.io/v1",parentSchema:schema40.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("SnapshotRecord" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "SnapshotRecord"},message:"must be equal to constant",schema:"SnapshotRecord",parentSchema:schema40.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema40.properties.metadata.required,parentSchema:schema40.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data2.lab === undefined){
const err8 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "lab"},message:"must have required property '"+"lab"+"'",schema:schema40.properties.metadata.required,parentSchema:schema40.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data2.environment === undefined){
const err9 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "environment"},message:"must have required property '"+"environment"+"'",schema:schema40.properties.metadata.required,parentSchema:schema40.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key1 in data2){
if(!(((key1 === "name") || (key1 === "lab")) || (key1 === "environment"))){
const err10 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err11 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema40.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.metadata.properties.name.type,parentSchema:schema40.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data2.lab !== undefined){
let data4 = data2.lab;
if(typeof data4 === "string"){
if(!pattern4.test(data4)){
const err13 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema40.properties.metadata.properties.lab,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.metadata.properties.lab.type,parentSchema:schema40.properties.metadata.properties.lab,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data2.environment !== undefined){
let data5 = data2.environment;
if(typeof data5 === "string"){
if(!pattern4.test(data5)){
const err15 = {instancePath:instancePath+"/metadata/environment",schemaPath:"#/properties/metadata/properties/environment/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema40.properties.metadata.properties.environment,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/metadata/environment",schemaPath:"#/properties/metadata/properties/environment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.metadata.properties.environment.type,parentSchema:schema40.properties.metadata.properties.environment,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.metadata.type,parentSchema:schema40.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.spec !== undefined){
let data6 = data.spec;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.state === undefined){
const err18 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "state"},message:"must have required property '"+"state"+"'",schema:schema40.properties.spec.required,parentSchema:schema40.properties.spec,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data6.capturedAt === undefined){
const err19 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "capturedAt"},message:"must have required property '"+"capturedAt"+"'",schema:schema40.properties.spec.required,parentSchema:schema40.properties.spec,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data6.manifest === undefined){
const err20 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "manifest"},message:"must have required property '"+"manifest"+"'",schema:schema40.properties.spec.required,parentSchema:schema40.properties.spec,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data6.commit === undefined){
const err21 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "commit"},message:"must have required property '"+"commit"+"'",schema:schema40.properties.spec.required,parentSchema:schema40.properties.spec,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data6.provider === undefined){
const err22 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'",schema:schema40.properties.spec.required,parentSchema:schema40.properties.spec,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data6.lock === undefined){
const err23 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "lock"},message:"must have required property '"+"lock"+"'",schema:schema40.properties.spec.required,parentSchema:schema40.properties.spec,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
for(const key2 in data6){
if(!(func2.call(schema40.properties.spec.properties, key2))){
const err24 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.spec,data:data6};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data6.state !== undefined){
let data7 = data6.state;
if("captured" !== data7){
const err25 = {instancePath:instancePath+"/spec/state",schemaPath:"#/properties/spec/properties/state/const",keyword:"const",params:{allowedValue: "captured"},message:"must be equal to constant",schema:"captured",parentSchema:schema40.properties.spec.properties.state,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data6.capturedAt !== undefined){
let data8 = data6.capturedAt;
if(typeof data8 === "string"){
if(!(formats2.validate(data8))){
const err26 = {instancePath:instancePath+"/spec/capturedAt",schemaPath:"#/properties/spec/properties/capturedAt/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema40.properties.spec.properties.capturedAt,data:data8};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/spec/capturedAt",schemaPath:"#/properties/spec/properties/capturedAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.spec.properties.capturedAt.type,parentSchema:schema40.properties.spec.properties.capturedAt,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data6.manifest !== undefined){
let data9 = data6.manifest;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.key === undefined){
const err28 = {instancePath:instancePath+"/spec/manifest",schemaPath:"#/properties/spec/properties/manifest/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema40.properties.spec.properties.manifest.required,parentSchema:schema40.properties.spec.properties.manifest,data:data9};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data9.digest === undefined){
const err29 = {instancePath:instancePath+"/spec/manifest",schemaPath:"#/properties/spec/properties/manifest/required",keyword:"required",params:{missingProperty: "digest"},message:"must have required property '"+"digest"+"'",schema:schema40.properties.spec.properties.manifest.required,parentSchema:schema40.properties.spec.properties.manifest,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
for(const key3 in data9){
if(!((key3 === "key") || (key3 === "digest"))){
const err30 = {instancePath:instancePath+"/spec/manifest",schemaPath:"#/properties/spec/properties/manifest/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.spec.properties.manifest,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data9.key !== undefined){
let data10 = data9.key;
if(typeof data10 === "string"){
if(func1(data10) > 1024){
const err31 = {instancePath:instancePath+"/spec/manifest/key",schemaPath:"#/properties/spec/properties/manifest/properties/key/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema40.properties.spec.properties.manifest.properties.key,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/spec/manifest/key",schemaPath:"#/properties/spec/properties/manifest/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.spec.properties.manifest.properties.key.type,parentSchema:schema40.properties.spec.properties.manifest.properties.key,data:data10};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data9.digest !== undefined){
let data11 = data9.digest;
if(typeof data11 === "string"){
if(!pattern152.test(data11)){
const err33 = {instancePath:instancePath+"/spec/manifest/digest",schemaPath:"#/properties/spec/properties/manifest/properties/digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema40.properties.spec.properties.manifest.properties.digest,data:data11};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/spec/manifest/digest",schemaPath:"#/properties/spec/properties/manifest/properties/digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.spec.properties.manifest.properties.digest.type,parentSchema:schema40.properties.spec.properties.manifest.properties.digest,data:data11};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/spec/manifest",schemaPath:"#/properties/spec/properties/manifest/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.spec.properties.manifest.type,parentSchema:schema40.properties.spec.properties.manifest,data:data9};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data6.commit !== undefined){
let data12 = data6.commit;
if(typeof data12 === "string"){
if(!pattern153.test(data12)){
const err36 = {instancePath:instancePath+"/spec/commit",schemaPath:"#/properties/spec/properties/commit/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{7,64}$"},message:"must match pattern \""+"^[0-9a-f]{7,64}$"+"\"",schema:"^[0-9a-f]{7,64}$",parentSchema:schema40.properties.spec.properties.commit,data:data12};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/spec/commit",schemaPath:"#/properties/spec/properties/commit/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.spec.properties.commit.type,parentSchema:schema40.properties.spec.properties.commit,data:data12};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data6.provider !== undefined){
let data13 = data6.provider;
if(typeof data13 === "string"){
if(func1(data13) > 256){
const err38 = {instancePath:instancePath+"/spec/provider",schemaPath:"#/properties/spec/properties/provider/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema40.properties.spec.properties.provider,data:data13};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/spec/provider",schemaPath:"#/properties/spec/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.spec.properties.provider.type,parentSchema:schema40.properties.spec.properties.provider,data:data13};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data6.lock !== undefined){
let data14 = data6.lock;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.digest === undefined){
const err40 = {instancePath:instancePath+"/spec/lock",schemaPath:"#/properties/spec/properties/lock/required",keyword:"required",params:{missingProperty: "digest"},message:"must have required property '"+"digest"+"'",schema:schema40.properties.spec.properties.lock.required,parentSchema:schema40.properties.spec.properties.lock,data:data14};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(data14.domainPack === undefined){
const err41 = {instancePath:instancePath+"/spec/lock",schemaPath:"#/properties/spec/properties/lock/required",keyword:"required",params:{missingProperty: "domainPack"},message:"must have required property '"+"domainPack"+"'",schema:schema40.properties.spec.properties.lock.required,parentSchema:schema40.properties.spec.properties.lock,data:data14};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
for(const key4 in data14){
if(!((key4 === "digest") || (key4 === "domainPack"))){
const err42 = {instancePath:instancePath+"/spec/lock",schemaPath:"#/properties/spec/properties/lock/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.spec.properties.lock,data:data14};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data14.digest !== undefined){
let data15 = data14.digest;
if(typeof data15 === "string"){
if(func1(data15) > 100){
const err43 = {instancePath:instancePath+"/spec/lock/digest",schemaPath:"#/properties/spec/properties/lock/properties/digest/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema40.properties.spec.properties.lock.properties.digest,data:data15};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
else {
const err44 = {instancePath:instancePath+"/spec/lock/digest",schemaPath:"#/properties/spec/properties/lock/properties/digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.spec.properties.lock.properties.digest.type,parentSchema:schema40.properties.spec.properties.lock.properties.digest,data:data15};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data14.domainPack !== undefined){
let data16 = data14.domainPack;
if(typeof data16 === "string"){
if(func1(data16) > 200){
const err45 = {instancePath:instancePath+"/spec/lock/domainPack",schemaPath:"#/properties/spec/properties/lock/properties/domainPack/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema40.properties.spec.properties.lock.properties.domainPack,data:data16};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
else {
const err46 = {instancePath:instancePath+"/spec/lock/domainPack",schemaPath:"#/properties/spec/properties/lock/properties/domainPack/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.spec.properties.lock.properties.domainPack.type,parentSchema:schema40.properties.spec.properties.lock.properties.domainPack,data:data16};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath:instancePath+"/spec/lock",schemaPath:"#/properties/spec/properties/lock/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.spec.properties.lock.type,parentSchema:schema40.properties.spec.properties.lock,data:data14};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data6.image !== undefined){
let data17 = data6.image;
if(typeof data17 === "string"){
if(func1(data17) > 1024){
const err48 = {instancePath:instancePath+"/spec/image",schemaPath:"#/properties/spec/properties/image/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema40.properties.spec.properties.image,data:data17};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/spec/image",schemaPath:"#/properties/spec/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.spec.properties.image.type,parentSchema:schema40.properties.spec.properties.image,data:data17};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data6.volumeSnapshotId !== undefined){
let data18 = data6.volumeSnapshotId;
if(typeof data18 === "string"){
if(func1(data18) > 64){
const err50 = {instancePath:instancePath+"/spec/volumeSnapshotId",schemaPath:"#/properties/spec/properties/volumeSnapshotId/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema40.properties.spec.properties.volumeSnapshotId,data:data18};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/spec/volumeSnapshotId",schemaPath:"#/properties/spec/properties/volumeSnapshotId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.spec.properties.volumeSnapshotId.type,parentSchema:schema40.properties.spec.properties.volumeSnapshotId,data:data18};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data6.home !== undefined){
let data19 = data6.home;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.recoveryPointArn === undefined){
const err52 = {instancePath:instancePath+"/spec/home",schemaPath:"#/properties/spec/properties/home/required",keyword:"required",params:{missingProperty: "recoveryPointArn"},message:"must have required property '"+"recoveryPointArn"+"'",schema:schema40.properties.spec.properties.home.required,parentSchema:schema40.properties.spec.properties.home,data:data19};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(data19.path === undefined){
const err53 = {instancePath:instancePath+"/spec/home",schemaPath:"#/properties/spec/properties/home/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema40.properties.spec.properties.home.required,parentSchema:schema40.properties.spec.properties.home,data:data19};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(data19.fileCount === undefined){
const err54 = {instancePath:instancePath+"/spec/home",schemaPath:"#/properties/spec/properties/home/required",keyword:"required",params:{missingProperty: "fileCount"},message:"must have required property '"+"fileCount"+"'",schema:schema40.properties.spec.properties.home.required,parentSchema:schema40.properties.spec.properties.home,data:data19};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(data19.totalBytes === undefined){
const err55 = {instancePath:instancePath+"/spec/home",schemaPath:"#/properties/spec/properties/home/required",keyword:"required",params:{missingProperty: "totalBytes"},message:"must have required property '"+"totalBytes"+"'",schema:schema40.properties.spec.properties.home.required,parentSchema:schema40.properties.spec.properties.home,data:data19};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
for(const key5 in data19){
if(!((((key5 === "recoveryPointArn") || (key5 === "path")) || (key5 === "fileCount")) || (key5 === "totalBytes"))){
const err56 = {instancePath:instancePath+"/spec/home",schemaPath:"#/properties/spec/properties/home/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.spec.properties.home,data:data19};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data19.recoveryPointArn !== undefined){
let data20 = data19.recoveryPointArn;
if(typeof data20 === "string"){
if(func1(data20) > 2048){
const err57 = {instancePath:instancePath+"/spec/home/recoveryPointArn",schemaPath:"#/properties/spec/properties/home/properties/recoveryPointArn/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters",schema:2048,parentSchema:schema40.properties.spec.properties.home.properties.recoveryPointArn,data:data20};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
else {
const err58 = {instancePath:instancePath+"/spec/home/recoveryPointArn",schemaPath:"#/properties/spec/properties/home/properties/recoveryPointArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.spec.properties.home.properties.recoveryPointArn.type,parentSchema:schema40.properties.spec.properties.home.properties.recoveryPointArn,data:data20};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data19.path !== undefined){
let data21 = data19.path;
if(typeof data21 === "string"){
if(func1(data21) > 1024){
const err59 = {instancePath:instancePath+"/spec/home/path",schemaPath:"#/properties/spec/properties/home/properties/path/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema40.properties.spec.properties.home.properties.path,data:data21};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
else {
const err60 = {instancePath:instancePath+"/spec/home/path",schemaPath:"#/properties/spec/properties/home/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.spec.properties.home.properties.path.type,parentSchema:schema40.properties.spec.properties.home.properties.path,data:data21};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data19.fileCount !== undefined){
let data22 = data19.fileCount;
if(!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))){
const err61 = {instancePath:instancePath+"/spec/home/fileCount",schemaPath:"#/properties/spec/properties/home/properties/fileCount/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.spec.properties.home.properties.fileCount.type,parentSchema:schema40.properties.spec.properties.home.properties.fileCount,data:data22};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if((typeof data22 == "number") && (isFinite(data22))){
if(data22 < 0 || isNaN(data22)){
const err62 = {instancePath:instancePath+"/spec/home/fileCount",schemaPath:"#/properties/spec/properties/home/properties/fileCount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema40.properties.spec.properties.home.properties.fileCount,data:data22};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
if(data19.totalBytes !== undefined){
let data23 = data19.totalBytes;
if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){
const err63 = {instancePath:instancePath+"/spec/home/totalBytes",schemaPath:"#/properties/spec/properties/home/properties/totalBytes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.spec.properties.home.properties.totalBytes.type,parentSchema:schema40.properties.spec.properties.home.properties.totalBytes,data:data23};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if((typeof data23 == "number") && (isFinite(data23))){
if(data23 < 0 || isNaN(data23)){
const err64 = {instancePath:instancePath+"/spec/home/totalBytes",schemaPath:"#/properties/spec/properties/home/properties/totalBytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema40.properties.spec.properties.home.properties.totalBytes,data:data23};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
}
else {
const err65 = {instancePath:instancePath+"/spec/home",schemaPath:"#/properties/spec/properties/home/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.spec.properties.home.type,parentSchema:schema40.properties.spec.properties.home,data:data19};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
else {
const err66 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.spec.type,parentSchema:schema40.properties.spec,data:data6};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
}
else {
const err67 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
validate29.errors = vErrors;
return errors === 0;
}
validate29.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const Succession = validate30;
const schema41 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://labenv.westtek.io/schemas/v1/succession.schema.json","title":"Succession","description":"A researcher hand-over: what one member owned passes to another member of the same lab, with nothing lost. Needs the lab PI's approval (and the outgoing researcher's while still a member). Lives at `environments/<lab>/successions/<name>.yaml`.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"labenv.westtek.io/v1","description":"The labenv document format version. Always `labenv.westtek.io/v1`."},"kind":{"const":"Succession","description":"The document kind: `Succession`."},"metadata":{"type":"object","additionalProperties":false,"required":["name","lab"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The succession's name. Must equal the file name without `.yaml`."},"lab":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The lab. Must equal the directory: `environments/<lab>/successions/`."},"labels":{"type":"object","description":"Free-form labels for grouping and search. Keys must not look like secrets: labenv never stores credentials in Git.","propertyNames":{"pattern":"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$","not":{"pattern":"[Pp][Aa][Ss][Ss][Ww]([Oo][Rr])?[Dd]|[Ss][Ee][Cc][Rr][Ee][Tt]|[Tt][Oo][Kk][Ee][Nn]|[Aa][Pp][Ii][-_]?[Kk][Ee][Yy]|[Pp][Rr][Ii][Vv][Aa][Tt][Ee][-_]?[Kk][Ee][Yy]|[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll]|[Aa][Cc][Cc][Ee][Ss][Ss][-_]?[Kk][Ee][Yy]"}},"additionalProperties":{"type":"string","maxLength":256}}}},"spec":{"type":"object","additionalProperties":false,"required":["from","to","effective","reason"],"properties":{"from":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The outgoing member."},"to":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"The member who takes over."},"environments":{"type":"array","items":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","description":"A lower-case name that is safe as a path segment and a DNS label: letters, digits and inner hyphens, at most 63 characters."},"uniqueItems":true,"description":"The environments handed over. Default: every environment `from` owns."},"effective":{"type":"string","format":"date","description":"The day the hand-over takes effect."},"reason":{"type":"string","minLength":3,"maxLength":512,"description":"Why (graduation, end of contract, leave)."},"data":{"type":"object","additionalProperties":false,"description":"What happens to the outgoing member's data.","properties":{"snapshotFirst":{"type":"boolean","default":true,"description":"Snapshot every environment handed over before ownership changes."},"handoverPackage":{"type":"boolean","default":true,"description":"Write a hand-over package (locks, snapshot ids, a README) to the object store."},"keepAccessDays":{"type":"integer","minimum":0,"maximum":365,"default":30,"description":"Days the outgoing member keeps read access to their old home."}}}}}}};

function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://labenv.westtek.io/schemas/v1/succession.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate30.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema41.required,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema41.required,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema41.required,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema41.required,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("labenv.westtek.io/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "labenv.westtek.io/v1"},message:"must be equal to constant",schema:"labenv.westtek.io/v1",parentSchema:schema41.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("Succession" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Succession"},message:"must be equal to constant",schema:"Succession",parentSchema:schema41.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema41.properties.metadata.required,parentSchema:schema41.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data2.lab === undefined){
const err8 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "lab"},message:"must have required property '"+"lab"+"'",schema:schema41.properties.metadata.required,parentSchema:schema41.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key1 in data2){
if(!(((key1 === "name") || (key1 === "lab")) || (key1 === "labels"))){
const err9 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema41.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err10 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema41.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.metadata.properties.name.type,parentSchema:schema41.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.lab !== undefined){
let data4 = data2.lab;
if(typeof data4 === "string"){
if(!pattern4.test(data4)){
const err12 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema41.properties.metadata.properties.lab,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/metadata/lab",schemaPath:"#/properties/metadata/properties/lab/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.metadata.properties.lab.type,parentSchema:schema41.properties.metadata.properties.lab,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data2.labels !== undefined){
let data5 = data2.labels;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key2 in data5){
const _errs13 = errors;
const _errs14 = errors;
const _errs15 = errors;
if(typeof key2 === "string"){
if(!pattern6.test(key2)){
const err14 = {};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var valid3 = _errs15 === errors;
if(valid3){
const err15 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema41.properties.metadata.properties.labels.propertyNames.not,parentSchema:schema41.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
}
if(typeof key2 === "string"){
if(!pattern7.test(key2)){
const err16 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"},message:"must match pattern \""+"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$"+"\"",schema:"^[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$",parentSchema:schema41.properties.metadata.properties.labels.propertyNames,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var valid2 = _errs13 === errors;
if(!valid2){
const err17 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema41.properties.metadata.properties.labels.propertyNames,parentSchema:schema41.properties.metadata.properties.labels,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
for(const key3 in data5){
let data6 = data5[key3];
if(typeof data6 === "string"){
if(func1(data6) > 256){
const err18 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema41.properties.metadata.properties.labels.additionalProperties,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.metadata.properties.labels.additionalProperties.type,parentSchema:schema41.properties.metadata.properties.labels.additionalProperties,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.properties.metadata.properties.labels.type,parentSchema:schema41.properties.metadata.properties.labels,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.properties.metadata.type,parentSchema:schema41.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.spec !== undefined){
let data7 = data.spec;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.from === undefined){
const err22 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'",schema:schema41.properties.spec.required,parentSchema:schema41.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data7.to === undefined){
const err23 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'",schema:schema41.properties.spec.required,parentSchema:schema41.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data7.effective === undefined){
const err24 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "effective"},message:"must have required property '"+"effective"+"'",schema:schema41.properties.spec.required,parentSchema:schema41.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data7.reason === undefined){
const err25 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema41.properties.spec.required,parentSchema:schema41.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
for(const key4 in data7){
if(!((((((key4 === "from") || (key4 === "to")) || (key4 === "environments")) || (key4 === "effective")) || (key4 === "reason")) || (key4 === "data"))){
const err26 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema41.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data7.from !== undefined){
let data8 = data7.from;
if(typeof data8 === "string"){
if(!pattern4.test(data8)){
const err27 = {instancePath:instancePath+"/spec/from",schemaPath:"#/properties/spec/properties/from/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema41.properties.spec.properties.from,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/spec/from",schemaPath:"#/properties/spec/properties/from/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.spec.properties.from.type,parentSchema:schema41.properties.spec.properties.from,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data7.to !== undefined){
let data9 = data7.to;
if(typeof data9 === "string"){
if(!pattern4.test(data9)){
const err29 = {instancePath:instancePath+"/spec/to",schemaPath:"#/properties/spec/properties/to/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema41.properties.spec.properties.to,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/spec/to",schemaPath:"#/properties/spec/properties/to/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.spec.properties.to.type,parentSchema:schema41.properties.spec.properties.to,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data7.environments !== undefined){
let data10 = data7.environments;
if(Array.isArray(data10)){
const len0 = data10.length;
for(let i0=0; i0<len0; i0++){
let data11 = data10[i0];
if(typeof data11 === "string"){
if(!pattern4.test(data11)){
const err31 = {instancePath:instancePath+"/spec/environments/" + i0,schemaPath:"#/properties/spec/properties/environments/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema41.properties.spec.properties.environments.items,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/spec/environments/" + i0,schemaPath:"#/properties/spec/properties/environments/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.spec.properties.environments.items.type,parentSchema:schema41.properties.spec.properties.environments.items,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
let i1 = data10.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data10[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err33 = {instancePath:instancePath+"/spec/environments",schemaPath:"#/properties/spec/properties/environments/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema41.properties.spec.properties.environments,data:data10};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err34 = {instancePath:instancePath+"/spec/environments",schemaPath:"#/properties/spec/properties/environments/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema41.properties.spec.properties.environments.type,parentSchema:schema41.properties.spec.properties.environments,data:data10};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data7.effective !== undefined){
let data12 = data7.effective;
if(typeof data12 === "string"){
if(!(formats6.validate(data12))){
const err35 = {instancePath:instancePath+"/spec/effective",schemaPath:"#/properties/spec/properties/effective/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\"",schema:"date",parentSchema:schema41.properties.spec.properties.effective,data:data12};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/spec/effective",schemaPath:"#/properties/spec/properties/effective/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.spec.properties.effective.type,parentSchema:schema41.properties.spec.properties.effective,data:data12};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data7.reason !== undefined){
let data13 = data7.reason;
if(typeof data13 === "string"){
if(func1(data13) > 512){
const err37 = {instancePath:instancePath+"/spec/reason",schemaPath:"#/properties/spec/properties/reason/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters",schema:512,parentSchema:schema41.properties.spec.properties.reason,data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(func1(data13) < 3){
const err38 = {instancePath:instancePath+"/spec/reason",schemaPath:"#/properties/spec/properties/reason/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters",schema:3,parentSchema:schema41.properties.spec.properties.reason,data:data13};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/spec/reason",schemaPath:"#/properties/spec/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.spec.properties.reason.type,parentSchema:schema41.properties.spec.properties.reason,data:data13};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data7.data !== undefined){
let data14 = data7.data;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
for(const key5 in data14){
if(!(((key5 === "snapshotFirst") || (key5 === "handoverPackage")) || (key5 === "keepAccessDays"))){
const err40 = {instancePath:instancePath+"/spec/data",schemaPath:"#/properties/spec/properties/data/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema41.properties.spec.properties.data,data:data14};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data14.snapshotFirst !== undefined){
let data15 = data14.snapshotFirst;
if(typeof data15 !== "boolean"){
const err41 = {instancePath:instancePath+"/spec/data/snapshotFirst",schemaPath:"#/properties/spec/properties/data/properties/snapshotFirst/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema41.properties.spec.properties.data.properties.snapshotFirst.type,parentSchema:schema41.properties.spec.properties.data.properties.snapshotFirst,data:data15};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data14.handoverPackage !== undefined){
let data16 = data14.handoverPackage;
if(typeof data16 !== "boolean"){
const err42 = {instancePath:instancePath+"/spec/data/handoverPackage",schemaPath:"#/properties/spec/properties/data/properties/handoverPackage/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema41.properties.spec.properties.data.properties.handoverPackage.type,parentSchema:schema41.properties.spec.properties.data.properties.handoverPackage,data:data16};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data14.keepAccessDays !== undefined){
let data17 = data14.keepAccessDays;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err43 = {instancePath:instancePath+"/spec/data/keepAccessDays",schemaPath:"#/properties/spec/properties/data/properties/keepAccessDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema41.properties.spec.properties.data.properties.keepAccessDays.type,parentSchema:schema41.properties.spec.properties.data.properties.keepAccessDays,data:data17};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 > 365 || isNaN(data17)){
const err44 = {instancePath:instancePath+"/spec/data/keepAccessDays",schemaPath:"#/properties/spec/properties/data/properties/keepAccessDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 365},message:"must be <= 365",schema:365,parentSchema:schema41.properties.spec.properties.data.properties.keepAccessDays,data:data17};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(data17 < 0 || isNaN(data17)){
const err45 = {instancePath:instancePath+"/spec/data/keepAccessDays",schemaPath:"#/properties/spec/properties/data/properties/keepAccessDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema41.properties.spec.properties.data.properties.keepAccessDays,data:data17};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
}
else {
const err46 = {instancePath:instancePath+"/spec/data",schemaPath:"#/properties/spec/properties/data/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.properties.spec.properties.data.type,parentSchema:schema41.properties.spec.properties.data,data:data14};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.properties.spec.type,parentSchema:schema41.properties.spec,data:data7};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.type,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
validate30.errors = vErrors;
return errors === 0;
}
validate30.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};
