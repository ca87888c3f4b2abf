namespace Peregrine.Conditions.Evaluation.Transformers;

/// <summary>
/// <c>getopt(args, optstring)</c> (0.44): reads a command line the way getopt(3) does for short
/// options. Without a selector the result is a list of option characters, each followed by its
/// argument when it takes one, and <c>?</c> for unknown options. With a selector
/// (<c>getopt(...)[t]</c>) the result is the argument of the last <c>-t</c> (or <c>t</c> itself
/// when it takes none, or an empty string when its argument is missing); absent option, no value.
/// </summary>
internal sealed class GetoptSource(int args, int optstring, byte? selector) : SlotSource
{
    private readonly bool[] _valid = new bool[256];
    private readonly bool[] _withArgument = new bool[256];
    private byte[] _parsedOptstring = [];
    private bool _parsed;

    internal override void Fill(FieldCache cache, int slot)
    {
        var opt = cache.Get(optstring);
        var argv = cache.Get(args);
        if (opt.Length == 0 || argv.Length == 0)
        {
            cache.StoreMissing(slot);
            return;
        }
        ParseOptstring(cache.Bytes(opt[0]));

        FieldValue? selected = null;
        if (selector is null) cache.BeginList(slot);
        for (var a = 0; a < argv.Length; a++)
        {
            var argValue = argv[a];
            var arg = cache.Bytes(argValue);
            if (arg.SequenceEqual("--"u8)) break;
            if (arg.Length > 2 && arg[0] == '-' && arg[1] == '-') continue; // long options are skipped
            if (arg.Length < 2 || arg[0] != '-') break; // the first operand ends the options
            for (var i = 1; i < arg.Length; i++)
            {
                var option = arg[i];
                if (option == ':' || !_valid[option])
                {
                    if (selector is null) cache.AppendBytes("?"u8);
                    continue;
                }
                var matches = selector is null || option == selector;
                var name = new FieldValue(0, argValue.Offset + i, 1);
                if (!_withArgument[option])
                {
                    if (matches) Emit(cache, ref selected, name, null);
                    continue;
                }
                FieldValue? value = null;
                if (i + 1 < arg.Length) value = new FieldValue(0, argValue.Offset + i + 1, arg.Length - i - 1);
                else if (a + 1 < argv.Length) value = argv[++a];
                if (matches) Emit(cache, ref selected, value is null ? new FieldValue(0, 0, 0) : name, value);
                break;
            }
        }

        if (selector is null)
        {
            cache.EndList();
            return;
        }
        if (selected is { } result) cache.StoreComputed(slot, result);
        else cache.StoreMissing(slot);
    }

    private void Emit(FieldCache cache, ref FieldValue? selected, FieldValue name, FieldValue? value)
    {
        if (selector is not null)
        {
            selected = value ?? name;
            return;
        }
        cache.AppendValue(name);
        if (value is { } v) cache.AppendValue(v);
    }

    private void ParseOptstring(ReadOnlySpan<byte> text)
    {
        if (_parsed && text.SequenceEqual(_parsedOptstring)) return;
        Array.Clear(_valid);
        Array.Clear(_withArgument);
        var start = text.Length > 0 && text[0] == ':' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ':') continue;
            _valid[c] = true;
            if (i + 1 < text.Length && text[i + 1] == ':')
            {
                _withArgument[c] = true;
                i++;
            }
        }
        _parsedOptstring = text.ToArray();
        _parsed = true;
    }
}
