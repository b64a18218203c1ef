import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '..');
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Patch', 'Put', 'Delete']);

interface Route {
  where: string;
  returnType: string;
  returns: string | null;
}

/** Every route handler of the API's controllers, with its declared return type and its @Returns. */
function routes(): Route[] {
  const found: Route[] = [];
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.controller.ts'));
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(path.join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isMethodDeclaration(node)) {
        const decorators = ts.getDecorators(node) ?? [];
        const call = (d: ts.Decorator) => (ts.isCallExpression(d.expression) ? d.expression : null);
        const name = (d: ts.Decorator) => call(d)?.expression.getText(source);
        if (decorators.some((d) => ROUTE_DECORATORS.has(name(d) ?? ''))) {
          const returnsArg = decorators.map((d) => (name(d) === 'Returns' ? call(d)!.arguments[0] : undefined)).find(Boolean);
          found.push({
            where: `${file} ${node.name.getText(source)}`,
            returnType: node.type?.getText(source) ?? '(none)',
            returns: returnsArg && ts.isStringLiteral(returnsArg) ? returnsArg.text : null,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('@Returns', () => {
  const all = routes();

  it('finds the routes', () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it('repeats the declared answer type of every route that answers JSON', () => {
    const mismatches = all
      .filter((r) => !r.where.startsWith(`health${path.sep}`))
      .filter((r) => {
        // JSON already written (JsonText<T>) answers T.
        const answered = /^Promise<(.*)>$/s.exec(r.returnType)?.[1] ?? r.returnType;
        const declared = /^JsonText<(.*)>$/s.exec(answered)?.[1] ?? answered;
        return declared === 'void' ? r.returns !== null : r.returns !== declared;
      })
      .map((r) => `${r.where}: returns ${r.returnType}, @Returns(${JSON.stringify(r.returns)})`);
    expect(mismatches).toEqual([]);
  });
});
