// tsx (esbuild) emits no decorator metadata, vitest does: a bare `@Field()` passes every test here and crashes
// `npm start`. So every type-graphql decorator that can infer a type must be given one explicitly.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "..", "src");
/** Decorator name → index of the argument that must be a type function (`() => Type`). */
const TYPED: Record<string, number> = { Field: 0, Query: 0, Mutation: 0, FieldResolver: 0, Subscription: 0, Arg: 1 };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

/** `file:line @Name(...)` for each decorator without an explicit type function. */
function untypedDecorators(file: string, text = fs.readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isDecorator(node) && ts.isCallExpression(node.expression) && ts.isIdentifier(node.expression.expression)) {
      const name = node.expression.expression.text;
      const index = TYPED[name];
      const arg = index === undefined ? undefined : node.expression.arguments[index];
      if (index !== undefined && !(arg && ts.isArrowFunction(arg))) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${path.relative(SRC, file)}:${line + 1} ${node.getText().slice(0, 60)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("type-graphql decorators", () => {
  it("all give their GraphQL type explicitly, so that tsx (no decorator metadata) builds the same schema", () => {
    expect(sourceFiles(SRC).flatMap((f) => untypedDecorators(f))).toEqual([]);
  });

  it("are caught when bare", () => {
    const bare = `class A { @Field() title!: string; @Field({ nullable: true }) n?: number;
      m(@Arg("year") year: number, @Arg("y", () => Int) y: number) {} @Field(() => String) ok!: string; }`;
    expect(untypedDecorators(path.join(SRC, "x.ts"), bare)).toHaveLength(3);
  });
});
