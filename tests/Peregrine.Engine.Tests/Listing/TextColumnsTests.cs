using System.Text;
using Peregrine.Engine.Listing;

namespace Peregrine.Engine.Tests.Listing;

public class TextColumnsTests
{
    [Fact]
    public void Pads_to_a_width_in_utf8_bytes_and_never_cuts()
    {
        Assert.Equal("ab   ", TextColumns.Pad("ab", 5));
        Assert.Equal("é  ", TextColumns.Pad("é", 4));
        Assert.Equal("abcdef", TextColumns.Pad("abcdef", 3));
    }

    [Fact]
    public void Wraps_words_with_a_trailing_space_each()
    {
        var output = new StringBuilder();
        // Limit 10 - 2 = 8 bytes per line, counting one space per word: "aa bbb " is 7, "cc " would make 10.
        TextColumns.Wrap(output, "aa\tbbb  cc\n\vdddddd", 2, 10);
        Assert.Equal("aa bbb \n  cc \n  dddddd ", output.ToString());
    }

    [Fact]
    public void A_word_that_exactly_fills_the_line_stays_and_a_first_word_too_long_starts_on_a_new_line()
    {
        var fits = new StringBuilder();
        TextColumns.Wrap(fits, "1234567", 2, 10);
        Assert.Equal("1234567 ", fits.ToString());

        var tooLong = new StringBuilder();
        TextColumns.Wrap(tooLong, "12345678 x", 2, 10);
        Assert.Equal("\n  12345678 \n  x ", tooLong.ToString());
    }

    [Fact]
    public void Measures_words_in_bytes()
    {
        var output = new StringBuilder();
        // "ééé" is 6 bytes: 7 with its space, so "a" (2 more) no longer fits in 8.
        TextColumns.Wrap(output, "ééé a", 2, 10);
        Assert.Equal("ééé \n  a ", output.ToString());
    }
}
