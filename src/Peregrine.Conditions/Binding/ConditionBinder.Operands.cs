using System.Text;
using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Evaluation.Transformers;
using Peregrine.Conditions.Fields;
using Peregrine.Conditions.Parsing;
using Peregrine.Conditions.Syntax;

namespace Peregrine.Conditions.Binding;

/// <summary>Fields, transformers and constant transformer arguments, each bound to a cache slot.</summary>
public sealed partial class ConditionBinder
{
    /// <summary>The name libsinsp gives internal constant and transformer-result checks in messages.</summary>
    private const string ConstantName = "NA";

    /// <summary>The name libsinsp gives the list result of a <c>getopt</c> without selector.</summary>
    private const string InternalListName = "INTERNAL";

    /// <summary>What libsinsp declares for a constant, a transformer result, or an argument list.</summary>
    private static readonly DeclaredField DeclaredString = new(FieldType.String, false, ConstantName);

    /// <summary>A field, or a transformer applied to fields, constants or lists.</summary>
    private BoundOperand BindValueExpression(Expr e) => e switch
    {
        FieldExpr field => BindField(field),
        TransformerExpr { Name: Operators.Val } val => BindVal(val),
        TransformerExpr transformer => BindTransformer(transformer),
        ValueExpr value => BindConstant(value),
        TransformerListExpr list => BindTransformerList(list),
        _ => throw new BindingException("filter error: can't parse field expression '" + e + "'"),
    };

    /// <summary>The right-hand side of a field-to-field comparison.</summary>
    private BoundOperand BindRightHandField(TransformerExpr e) =>
        e.Name == Operators.Val ? BindVal(e) : BindTransformer(e);

    private BoundOperand BindField(FieldExpr e)
    {
        var reference = FieldResolver.Resolve(catalog, e.Name, e.Argument);
        _fieldsUsed.Add(reference);
        var definition = reference.Definition;
        return new BoundOperand(slots.AddField(reference), definition.Type, definition.IsList, definition.Name, false, [reference],
            definition.PrintFormat, new DeclaredField(definition.Type, definition.IsList, definition.Name));
    }

    /// <summary><c>val(field)</c> is the field itself; it only changes how the parser reads the right-hand side.</summary>
    private BoundOperand BindVal(TransformerExpr e)
    {
        if (e.Argument is not null)
            throw new BindingException("filter error: transformer 'val' does not support field arguments");
        return BindValueExpression(e.Arguments[0]);
    }

    private BoundOperand BindTransformer(TransformerExpr e)
    {
        var arguments = e.Arguments.Select(BindValueExpression).ToArray();
        if (arguments.Length > 1) return BindMultiValueTransformer(e, arguments);
        if (e.Argument is not null)
            throw new BindingException($"filter error: transformer '{e.Name}' does not support field arguments");

        var child = arguments[0];
        var key = CanonicalPrinter.Print(e);
        var type = child.Type;
        var isList = child.IsList;
        Func<SlotSource> source;
        switch (e.Name)
        {
            case "tolower" or "toupper":
                EnsureTransformable(e.Name, child, child.Type == FieldType.String);
                source = () => new CaseSource(child.Slot, upper: e.Name == "toupper");
                break;
            case "basename":
                EnsureTransformable(e.Name, child, child.Type == FieldType.String);
                source = () => new BasenameSource(child.Slot);
                break;
            case "b64":
                EnsureTransformable(e.Name, child, child.Type is FieldType.String or FieldType.ByteBuf);
                source = () => new Base64Source(child.Slot, isString: child.Type == FieldType.String);
                break;
            case "len":
                EnsureTransformable(e.Name, child, child.IsList || child.Type is FieldType.String or FieldType.ByteBuf);
                type = FieldType.UInt64;
                isList = false;
                source = () => new LengthSource(child.Slot, child.IsList);
                break;
            default:
                // Upstream's message, typo included, for join/concat/getopt given one argument.
                throw new BindingException($"unknown field transfomer '{e.Name}'");
        }
        return new BoundOperand(slots.AddComputed(key, source), type, isList, child.FieldName, true, child.Fields, child.PrintFormat, child.Base);
    }

    private static void EnsureTransformable(string transformer, BoundOperand child, bool supported)
    {
        if (supported) return;
        throw new BindingException(
            $"can't add field transformer: type '{child.Type.FalcoName()}' is not supported by '{transformer}' "
            + $"transformer applied on {(child.IsList ? "list " : "")}field '{child.Base.Name}'");
    }

    /// <summary>A quoted string or number given as a transformer argument: a constant value.</summary>
    private BoundOperand BindConstant(ValueExpr e)
    {
        var bytes = Encoding.UTF8.GetBytes(e.Value);
        var slot = slots.AddComputed("=" + CanonicalPrinter.Print(e), () => new ConstantSource([bytes]));
        return new BoundOperand(slot, FieldType.String, false, ConstantName, false, [], PrintFormat.NotApplicable, DeclaredString);
    }

    /// <summary>A parenthesised list of transformer arguments: the values of its items, in order.</summary>
    private BoundOperand BindTransformerList(TransformerListExpr e)
    {
        var items = e.Items.Select(BindValueExpression).ToArray();
        var children = items.Select(i => (i.Slot, i.Type)).ToArray();
        var slot = slots.AddComputed(CanonicalPrinter.Print(e), () => new ListSource(children));
        return new BoundOperand(slot, FieldType.String, true, ConstantName, true, items.SelectMany(i => i.Fields).ToArray(),
            PrintFormat.NotApplicable, DeclaredString with { IsList = true });
    }

    /// <summary>
    /// <c>join</c>, <c>concat</c> and <c>getopt</c> (0.44): several arguments, one result. Upstream
    /// checks the arguments' declared types (before their own transformers), and declares every
    /// result a single string named "NA".
    /// </summary>
    private BoundOperand BindMultiValueTransformer(TransformerExpr e, BoundOperand[] args)
    {
        var key = CanonicalPrinter.Print(e);
        var fields = args.SelectMany(a => a.Fields).ToArray();
        switch (e.Name)
        {
            case "join":
            {
                if (args.Length != 2) throw new BindingException("join() requires exactly 2 arguments: separator and list");
                if (args[0].Base.IsList) throw new BindingException("join() first argument (separator) must be a single value, not a list");
                if (!args[1].Base.IsList) throw new BindingException("join() second argument must be a list");
                RejectArgument(e);
                var slot = slots.AddComputed(key, () => new JoinSource(args[0].Slot, args[1].Slot));
                return new BoundOperand(slot, FieldType.String, false, ConstantName, true, fields, PrintFormat.NotApplicable, DeclaredString);
            }
            case "concat":
            {
                if (args.Any(a => a.Base.Type != FieldType.String || a.Base.IsList))
                    throw new BindingException("concat() arguments must be strings");
                RejectArgument(e);
                var parts = args.Select(a => a.Slot).ToArray();
                var slot = slots.AddComputed(key, () => new ConcatSource(parts));
                return new BoundOperand(slot, FieldType.String, false, ConstantName, true, fields, PrintFormat.NotApplicable, DeclaredString);
            }
            case "getopt":
            {
                if (args.Length != 2) throw new BindingException("getopt() requires exactly 2 arguments: args list and optstring");
                if (!args[0].Base.IsList) throw new BindingException("getopt() first argument must be a list");
                if (args[1].Base.IsList) throw new BindingException("getopt() second argument (optstring) must be a single value");
                if (args[0].Base.Type != FieldType.String || args[1].Base.Type != FieldType.String)
                    throw new BindingException("getopt() arguments must be strings");
                // The selector is one option character: one byte, as upstream counts it.
                if (e.Argument is not null && System.Text.Encoding.UTF8.GetByteCount(e.Argument) != 1)
                    throw new BindingException("getopt() field argument must be a single option character");
                byte? selector = e.Argument is null ? null : (byte)e.Argument[0];
                var slot = slots.AddComputed(key, () => new GetoptSource(args[0].Slot, args[1].Slot, selector));
                return new BoundOperand(slot, FieldType.String, selector is null, selector is null ? InternalListName : ConstantName,
                    true, fields, PrintFormat.NotApplicable, DeclaredString);
            }
            default:
                throw new BindingException("unknown multivalue transformer");
        }
    }

    private static void RejectArgument(TransformerExpr e)
    {
        if (e.Argument is not null)
            throw new BindingException($"transformer '{e.Name}' does not support field arguments");
    }
}
