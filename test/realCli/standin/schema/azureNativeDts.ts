import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { EnumTypeSpec, ObjectTypeSpec, PropertySpec, TypeSpec } from "./schemaSpec";

/**
 * Reads azure-native's Node.js SDK declarations (the npm package's .d.ts files) back into schema terms: each SDK
 * class, interface and enum was generated from one schema resource or type, and its TypeScript spells the schema
 * type it came from. Input types are `<Token>Args` in `types/input.d.ts`, output types keep their token's name in
 * `types/output.d.ts` (azure-native's own output types end in `Response`), enums are const objects in
 * `types/enums/<module>/index.d.ts`. Parsing only (no type-checking), so a whole module takes a second.
 */
export class AzureNativeDts {
  private readonly parsed = new Map<string, ts.SourceFile>();
  private readonly namespaces = new Map<string, Map<string, ts.InterfaceDeclaration>>();
  /** Types met while reading, to be read in turn: token → where it came from. */
  readonly pending = new Map<string, TypeOrigin>();

  constructor(readonly packageDir: string) {}

  /** The resource `<module>:<Name>`: its class (outputs) and its `<Name>Args` interface (inputs). */
  resource(module: string, name: string): ResourceShape {
    const file = this.file(path.join(module, `${name[0].toLowerCase()}${name.slice(1)}.d.ts`));
    const cls = file.statements.find(
      (s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === name,
    );
    const args = file.statements.find(
      (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === `${name}Args`,
    );
    if (!cls || !args) throw new Error(`${file.fileName} declares no class ${name} with ${name}Args`);
    const outputs: Record<string, PropertySpec> = {};
    const required: string[] = [];
    for (const member of cls.members) {
      if (!ts.isPropertyDeclaration(member) || !member.type || isStatic(member)) continue;
      const key = propertyName(member.name);
      // `pulumi.Output<T | undefined>` is an optional output; a required one has no `undefined`.
      const inner = unwrap(member.type, "Output");
      if (!includesUndefined(inner)) required.push(key);
      outputs[key] = { ...this.type(inner), ...describe(member) };
    }
    const inputs = this.properties(args);
    return {
      description: docOf(cls),
      outputs,
      required: required.sort(),
      inputs: inputs.properties,
      requiredInputs: inputs.required ?? [],
    };
  }

  /** The object type with token `<module>:<name>`, read from the interface its origin names. */
  objectType(module: string, origin: TypeOrigin): ObjectTypeSpec {
    if (origin.side === "enum") throw new Error(`${module}.${origin.tsName} is an enum, not an object type`);
    const declaration = this.namespace(origin.side, module).get(origin.tsName);
    if (!declaration) throw new Error(`types/${origin.side}.d.ts has no ${module}.${origin.tsName}`);
    return { type: "object", ...describe(declaration), ...this.properties(declaration) };
  }

  /** The enum `<module>:<name>`: a const object of members and a type alias that carries the description. */
  enumType(module: string, name: string): EnumTypeSpec {
    const file = this.file(path.join("types", "enums", module, "index.d.ts"));
    let members: EnumTypeSpec["enum"] | undefined;
    let description: string | undefined;
    for (const statement of file.statements) {
      if (ts.isTypeAliasDeclaration(statement) && statement.name.text === name)
        description = docOf(statement);
      if (!ts.isVariableStatement(statement)) continue;
      const declaration = statement.declarationList.declarations[0];
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name) continue;
      if (!declaration.type || !ts.isTypeLiteralNode(declaration.type))
        throw new Error(`enum ${module}.${name} is not a const object type`);
      members = declaration.type.members.filter(ts.isPropertySignature).map((member) => {
        const literal = member.type && ts.isLiteralTypeNode(member.type) ? member.type.literal : undefined;
        const value = literal && ts.isStringLiteral(literal) ? literal.text : Number(literal?.getText());
        return { name: propertyName(member.name), value, ...describe(member) };
      });
    }
    if (!members) throw new Error(`types/enums/${module}/index.d.ts has no enum ${name}`);
    const type = members.every((m) => typeof m.value === "string") ? "string" : "number";
    return { type, ...(description ? { description } : {}), enum: members };
  }

  private properties(declaration: ts.InterfaceDeclaration): Omit<ObjectTypeSpec, "type"> {
    const properties: Record<string, PropertySpec> = {};
    const required: string[] = [];
    for (const member of declaration.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const key = propertyName(member.name);
      if (!member.questionToken) required.push(key);
      properties[key] = { ...this.type(member.type), ...describe(member) };
    }
    return { properties, ...(required.length ? { required: required.sort() } : {}) };
  }

  /** A TypeScript type of the SDK as the schema type it was generated from. */
  private type(node: ts.TypeNode): TypeSpec {
    const inner = unwrap(node, "Input");
    if (ts.isUnionTypeNode(inner)) {
      const parts = inner.types.filter((t) => !isUndefined(t));
      if (parts.length === 1) return this.type(parts[0]);
      // azure-native writes an open enum as `{type: "string", oneOf: [{type: "string"}, {$ref: <enum>}]}`.
      const oneOf = parts.map((t) => this.type(t));
      const primitive = oneOf.find((t) => t.type !== undefined)?.type;
      return { ...(primitive ? { type: primitive } : {}), oneOf };
    }
    if (ts.isParenthesizedTypeNode(inner)) return this.type(inner.type);
    if (ts.isArrayTypeNode(inner)) return { type: "array", items: this.type(inner.elementType) };
    if (ts.isTypeLiteralNode(inner)) {
      const index = inner.members.find(ts.isIndexSignatureDeclaration);
      if (!index || inner.members.length !== 1) throw new Error(`unexpected object type ${inner.getText()}`);
      return { type: "object", additionalProperties: this.type(index.type) };
    }
    switch (inner.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { type: "string" };
      case ts.SyntaxKind.NumberKeyword:
        return { type: "number" };
      case ts.SyntaxKind.BooleanKeyword:
        return { type: "boolean" };
      case ts.SyntaxKind.AnyKeyword:
        return { $ref: "pulumi.json#/Any" };
    }
    if (ts.isTypeReferenceNode(inner)) return this.reference(inner.typeName.getText());
    throw new Error(`unexpected type ${inner.getText()}`);
  }

  /** `inputs.<module>.<Name>Args`, `outputs.<module>.<Name>`, `enums.<module>.<Name>`: a `$ref` to the type. */
  private reference(name: string): TypeSpec {
    const [side, module, tsName, ...rest] = name.split(".");
    if (rest.length || !module || !tsName) throw new Error(`unexpected type reference ${name}`);
    let token: string;
    if (side === "enums") {
      token = `azure-native:${module}:${tsName}`;
      if (!this.pending.has(token)) this.pending.set(token, { side: "enum", module, tsName });
    } else if (side === "inputs" || side === "outputs") {
      const typeName = side === "inputs" ? tsName.replace(/Args$/, "") : tsName;
      token = `azure-native:${module}:${typeName}`;
      const origin: TypeOrigin = { side: side === "inputs" ? "input" : "output", module, tsName };
      const seen = this.pending.get(token);
      if (seen && seen.side !== origin.side)
        throw new Error(`${token} is both an input and an output type (${seen.tsName}, ${tsName})`);
      if (!seen) this.pending.set(token, origin);
    } else {
      throw new Error(`unexpected type reference ${name}`);
    }
    return { $ref: `#/types/${token}` };
  }

  private namespace(side: "input" | "output", module: string): Map<string, ts.InterfaceDeclaration> {
    const key = `${side}:${module}`;
    let found = this.namespaces.get(key);
    if (found) return found;
    found = new Map();
    const file = this.file(path.join("types", `${side}.d.ts`));
    for (const statement of file.statements) {
      if (!ts.isModuleDeclaration(statement) || statement.name.getText() !== module) continue;
      const body = statement.body;
      if (!body || !ts.isModuleBlock(body)) continue;
      for (const s of body.statements) if (ts.isInterfaceDeclaration(s)) found.set(s.name.text, s);
    }
    this.namespaces.set(key, found);
    return found;
  }

  private file(relative: string): ts.SourceFile {
    let file = this.parsed.get(relative);
    if (!file) {
      const full = path.join(this.packageDir, relative);
      file = ts.createSourceFile(full, fs.readFileSync(full, "utf8"), ts.ScriptTarget.ES2022, true);
      this.parsed.set(relative, file);
    }
    return file;
  }
}

export interface TypeOrigin {
  readonly side: "input" | "output" | "enum";
  readonly module: string;
  readonly tsName: string;
}

export interface ResourceShape {
  readonly description?: string;
  readonly outputs: Record<string, PropertySpec>;
  readonly required: string[];
  readonly inputs: Record<string, PropertySpec>;
  readonly requiredInputs: string[];
}

/** `pulumi.<wrapper><T>` → T; anything else as it is. */
function unwrap(node: ts.TypeNode, wrapper: "Input" | "Output"): ts.TypeNode {
  if (
    ts.isTypeReferenceNode(node) &&
    node.typeName.getText() === `pulumi.${wrapper}` &&
    node.typeArguments?.length === 1
  )
    return node.typeArguments[0];
  return node;
}

function isUndefined(node: ts.TypeNode): boolean {
  return node.kind === ts.SyntaxKind.UndefinedKeyword;
}

function includesUndefined(node: ts.TypeNode): boolean {
  return ts.isUnionTypeNode(node) && node.types.some(isUndefined);
}

function isStatic(member: ts.PropertyDeclaration): boolean {
  return member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;
}

function propertyName(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  throw new Error(`unexpected property name ${name.getText()}`);
}

function docOf(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs
    .map((d) => ts.getTextOfJSDocComment(d.comment) ?? "")
    .join("\n")
    .trim();
  return text === "" ? undefined : text;
}

function describe(node: ts.Node): { description?: string } {
  const description = docOf(node);
  return description === undefined ? {} : { description };
}
