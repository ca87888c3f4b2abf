using System.Text;

namespace Peregrine.Engine.Listing;

/// <summary>
/// The two C++ text layouts the listings use, measured in UTF-8 bytes as <c>std::string</c> is:
/// left-aligned padding (<c>std::left &lt;&lt; std::setw(n)</c>) and the word wrapping that libsinsp
/// uses for field descriptions and Falco for rule descriptions.
/// </summary>
internal static class TextColumns
{
    /// <summary><paramref name="text"/> followed by spaces up to <paramref name="width"/> bytes (never cut).</summary>
    public static string Pad(string text, int width)
    {
        var missing = width - Encoding.UTF8.GetByteCount(text);
        return missing > 0 ? text + new string(' ', missing) : text;
    }

    /// <summary>
    /// Splits <paramref name="text"/> on C white space and writes each word followed by one space.
    /// A word that would take the line past <paramref name="lineLength"/> starts a new line indented
    /// by <paramref name="indent"/> spaces, even the first word, which then leaves an empty first line.
    /// </summary>
    public static void Wrap(StringBuilder output, string text, int indent, int lineLength)
    {
        var length = 0;
        foreach (var word in Words(text))
        {
            var width = Encoding.UTF8.GetByteCount(word) + 1;
            if (length + width <= lineLength - indent)
            {
                length += width;
            }
            else
            {
                output.Append('\n').Append(' ', indent);
                length = width;
            }
            output.Append(word).Append(' ');
        }
    }

    /// <summary>What <c>istream &gt;&gt; std::string</c> reads in the C locale.</summary>
    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '\t', '\n', '\v', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries);
}
