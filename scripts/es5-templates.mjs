/**
 * The TypeScript transformer the codec script build (build-codec-scripts.mjs) runs before
 * lowering to ES5, kept apart so that tests can run it without building every codec.
 */
import ts from 'typescript';

/**
 * Template literals as `+` chains: TypeScript lowers them to `"".concat(a, ": ")` calls, a few
 * bytes longer each. The values joined in codec messages are strings and numbers, for which
 * `+` and `concat` give the same text.
 */
export function templatesToPlus(context) {
  const f = context.factory;
  const plus = (a, b) => f.createBinaryExpression(a, ts.SyntaxKind.PlusToken, b);
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node)) {
      // A tag receives the strings and the values apart (String.raw, for one): its template
      // must stay a template, and a + chain in its place would not even print.
      return f.updateTaggedTemplateExpression(node, ts.visitNode(node.tag, visit),
        node.typeArguments, node.template);
    }
    if (!ts.isTemplateExpression(node)) return ts.visitEachChild(node, visit, context);
    // An empty head is left out when text follows the first value, which already makes the
    // first + a string concatenation; otherwise it stays.
    const spans = node.templateSpans;
    const skipHead = node.head.text === '' && spans[0].literal.text !== '';
    let e = skipHead ? undefined : f.createStringLiteral(node.head.text);
    for (const span of spans) {
      const value = f.createParenthesizedExpression(ts.visitNode(span.expression, visit));
      e = e === undefined ? value : plus(e, value);
      if (span.literal.text !== '') e = plus(e, f.createStringLiteral(span.literal.text));
    }
    return f.createParenthesizedExpression(e);
  };
  return (sourceFile) => ts.visitNode(sourceFile, visit);
}
