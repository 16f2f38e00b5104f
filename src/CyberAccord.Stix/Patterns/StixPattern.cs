using System.Globalization;

namespace CyberAccord.Stix.Patterns;

/// <summary>
/// The STIX 2.1 patterning language, parsed by hand to accept and reject exactly what the OASIS
/// grammar <c>STIXPattern.g4</c> does (an ANTLR tool matching the NuGet runtime cannot be run
/// offline here). Lexing follows ANTLR's rules: longest match, earlier rule wins a tie.
/// </summary>
public static class StixPattern
{
    /// <summary>Parses a pattern; returns null when it is valid, or the reason and character offset when not.</summary>
    public static PatternError? Check(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        List<Token> tokens;
        try
        {
            tokens = Lexer.Tokenize(pattern);
        }
        catch (PatternSyntaxException e)
        {
            return new PatternError(e.Message, e.Offset);
        }

        try
        {
            var parser = new Parser(tokens);
            parser.ParsePattern();
            return null;
        }
        catch (PatternSyntaxException e)
        {
            return new PatternError(e.Message, e.Offset);
        }
    }

    public static bool IsValid(string pattern) => Check(pattern) is null;

    internal enum Kind
    {
        And, Or, Not, FollowedBy, Like, Matches, IsSuperset, IsSubset, Exists, Last, In, Start, Stop, Seconds,
        True, False, Within, Repeats, Times,
        IdentifierWithoutHyphen, IdentifierWithHyphen,
        IntPos, IntNeg, FloatPos, FloatNeg, Hex, Binary, String, Timestamp,
        Eq, Neq, Lt, Le, Gt, Ge, Quote, Colon, Dot, Comma, LParen, RParen, LBrack, RBrack, Plus, Hyphen, Power, Divide, Asterisk,
        Eof,
    }

    internal readonly record struct Token(Kind Kind, string Text, int Offset);

    private sealed class PatternSyntaxException(string message, int offset) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    private static class Lexer
    {
        private static readonly (string Text, Kind Kind)[] Keywords =
        [
            ("AND", Kind.And), ("OR", Kind.Or), ("NOT", Kind.Not), ("FOLLOWEDBY", Kind.FollowedBy), ("LIKE", Kind.Like),
            ("MATCHES", Kind.Matches), ("ISSUPERSET", Kind.IsSuperset), ("ISSUBSET", Kind.IsSubset), ("EXISTS", Kind.Exists),
            ("LAST", Kind.Last), ("IN", Kind.In), ("START", Kind.Start), ("STOP", Kind.Stop), ("SECONDS", Kind.Seconds),
            ("true", Kind.True), ("false", Kind.False), ("WITHIN", Kind.Within), ("REPEATS", Kind.Repeats), ("TIMES", Kind.Times),
        ];

        public static List<Token> Tokenize(string s)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < s.Length)
            {
                if (IsWhiteSpace(s[i]))
                {
                    i++;
                    continue;
                }

                if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '*')
                {
                    var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    if (end >= 0)
                    {
                        i = end + 2;
                        continue;
                    }
                }

                if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '/')
                {
                    while (i < s.Length && s[i] is not ('\r' or '\n'))
                    {
                        i++;
                    }

                    continue;
                }

                var (kind, length) = Longest(s, i);
                if (length == 0)
                {
                    throw new PatternSyntaxException($"unexpected character '{s[i]}' at offset {i}", i);
                }

                tokens.Add(new Token(kind, s.Substring(i, length), i));
                i += length;
            }

            tokens.Add(new Token(Kind.Eof, string.Empty, s.Length));
            return tokens;
        }

        private static bool IsWhiteSpace(char c) =>
            c is ' ' or '\t' or '\r' or '\n' or '\u000B' or '\u000C' or '\u0085' or '\u00a0' or '\u1680' or '\u2028' or '\u2029'
                or '\u202f' or '\u205f' or '\u3000'
            || (c >= '\u2000' && c <= '\u200a');

        /// <summary>Every token rule's match length at <paramref name="i"/>; the longest wins, the earliest rule breaks ties.</summary>
        private static (Kind, int) Longest(string s, int i)
        {
            var best = (Kind.Eof, 0);
            void Offer(Kind kind, int length)
            {
                if (length > best.Item2)
                {
                    best = (kind, length);
                }
            }

            // Rule order as in STIXPattern.g4: literals first, then keywords, identifiers, operators.
            Offer(Kind.IntNeg, IntLiteral(s, i, negative: true));
            Offer(Kind.IntPos, IntLiteral(s, i, negative: false));
            Offer(Kind.FloatNeg, FloatLiteral(s, i, negative: true));
            Offer(Kind.FloatPos, FloatLiteral(s, i, negative: false));
            Offer(Kind.Hex, HexLiteral(s, i));
            Offer(Kind.Binary, BinaryLiteral(s, i));
            Offer(Kind.String, StringLiteral(s, i));
            Offer(Kind.Timestamp, TimestampLiteral(s, i));
            foreach (var (text, kind) in Keywords)
            {
                if (string.CompareOrdinal(s, i, text, 0, text.Length) == 0)
                {
                    Offer(kind, text.Length);
                }
            }

            Offer(Kind.IdentifierWithoutHyphen, Identifier(s, i, hyphen: false));
            Offer(Kind.IdentifierWithHyphen, Identifier(s, i, hyphen: true));
            foreach (var (text, kind) in Operators)
            {
                if (string.CompareOrdinal(s, i, text, 0, text.Length) == 0)
                {
                    Offer(kind, text.Length);
                }
            }

            return best;
        }

        private static readonly (string, Kind)[] Operators =
        [
            ("==", Kind.Eq), ("=", Kind.Eq), ("!=", Kind.Neq), ("<>", Kind.Neq),
            ("<=", Kind.Le), ("<", Kind.Lt), (">=", Kind.Ge), (">", Kind.Gt),
            ("'", Kind.Quote), (":", Kind.Colon), (".", Kind.Dot), (",", Kind.Comma), (")", Kind.RParen), ("(", Kind.LParen),
            ("]", Kind.RBrack), ("[", Kind.LBrack), ("+", Kind.Plus), ("-", Kind.Hyphen),
            ("^", Kind.Power), ("/", Kind.Divide), ("*", Kind.Asterisk),
        ];

        private static int Digits(string s, int i)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            return i - start;
        }

        /// <summary>
        /// Past the sign: a required '-' for the negative literals, an optional '+' for the positive ones; -1 when absent.
        /// </summary>
        private static int AfterSign(string s, int i, bool negative) =>
            negative ? (i < s.Length && s[i] == '-' ? i + 1 : -1) : (i < s.Length && s[i] == '+' ? i + 1 : i);

        private static int IntLiteral(string s, int i, bool negative)
        {
            var start = i;
            i = AfterSign(s, i, negative);
            if (i < 0)
            {
                return 0;
            }

            if (i >= s.Length || !char.IsAsciiDigit(s[i]))
            {
                return 0;
            }

            i += s[i] == '0' ? 1 : Digits(s, i);
            return i - start;
        }

        private static int FloatLiteral(string s, int i, bool negative)
        {
            var start = i;
            i = AfterSign(s, i, negative);
            if (i < 0)
            {
                return 0;
            }

            i += Digits(s, i);
            if (i >= s.Length || s[i] != '.')
            {
                return 0;
            }

            var fraction = Digits(s, i + 1);
            return fraction == 0 ? 0 : i + 1 + fraction - start;
        }

        private static int HexLiteral(string s, int i)
        {
            if (i + 1 >= s.Length || s[i] != 'h' || s[i + 1] != '\'')
            {
                return 0;
            }

            var j = i + 2;
            while (j + 1 < s.Length && char.IsAsciiHexDigit(s[j]) && char.IsAsciiHexDigit(s[j + 1]))
            {
                j += 2;
            }

            return j < s.Length && s[j] == '\'' ? j + 1 - i : 0;
        }

        private static bool IsBase64(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/';

        private static int BinaryLiteral(string s, int i)
        {
            if (i + 1 >= s.Length || s[i] != 'b' || s[i + 1] != '\'')
            {
                return 0;
            }

            var j = i + 2;
            var count = 0;
            while (j < s.Length && IsBase64(s[j]))
            {
                j++;
                count++;
            }

            // Groups of four, the last possibly padded: xxxx, xxx=, xx==; at least one group.
            var padding = 0;
            while (j < s.Length && s[j] == '=' && padding < 2)
            {
                j++;
                padding++;
            }

            if (j >= s.Length || s[j] != '\'')
            {
                return 0;
            }

            var total = count + padding;
            var valid = total > 0 && total % 4 == 0 &&
                (padding == 0 || (padding == 1 && count % 4 == 3) || (padding == 2 && count % 4 == 2));
            return valid ? j + 1 - i : 0;
        }

        private static int StringLiteral(string s, int i)
        {
            if (i >= s.Length || s[i] != '\'')
            {
                return 0;
            }

            var j = i + 1;
            while (j < s.Length)
            {
                var c = s[j];
                if (c == '\'')
                {
                    return j + 1 - i;
                }

                if (c == '\\')
                {
                    if (j + 1 < s.Length && s[j + 1] is '\'' or '\\')
                    {
                        j += 2;
                        continue;
                    }

                    return 0;
                }

                j++;
            }

            return 0;
        }

        private static int TimestampLiteral(string s, int i)
        {
            // t'YYYY-MM-DDTHH:MM:SS[.s+]Z' with the grammar's digit ranges.
            if (i + 1 >= s.Length || s[i] != 't' || s[i + 1] != '\'')
            {
                return 0;
            }

            var j = i + 2;
            bool D(int at) => at < s.Length && char.IsAsciiDigit(s[at]);
            bool C(int at, char c) => at < s.Length && s[at] == c;
            if (!(D(j) && D(j + 1) && D(j + 2) && D(j + 3) && C(j + 4, '-')))
            {
                return 0;
            }

            j += 5;
            if (!((C(j, '0') && D(j + 1) && s[j + 1] != '0') || (C(j, '1') && j + 1 < s.Length && s[j + 1] is '0' or '1' or '2')) ||
                !C(j + 2, '-'))
            {
                return 0;
            }

            j += 3;
            if (!((C(j, '0') && D(j + 1) && s[j + 1] != '0') ||
                  (j < s.Length && s[j] is '1' or '2' && D(j + 1)) ||
                  (C(j, '3') && j + 1 < s.Length && s[j + 1] is '0' or '1')) ||
                !C(j + 2, 'T'))
            {
                return 0;
            }

            j += 3;
            if (!((j < s.Length && s[j] is '0' or '1' && D(j + 1)) || (C(j, '2') && j + 1 < s.Length && s[j + 1] is >= '0' and <= '3')) ||
                !C(j + 2, ':'))
            {
                return 0;
            }

            j += 3;
            if (!(j < s.Length && s[j] is >= '0' and <= '5' && D(j + 1)) || !C(j + 2, ':'))
            {
                return 0;
            }

            j += 3;
            if (!((j < s.Length && s[j] is >= '0' and <= '5' && D(j + 1)) || (C(j, '6') && C(j + 1, '0'))))
            {
                return 0;
            }

            j += 2;
            if (C(j, '.'))
            {
                var fraction = Digits(s, j + 1);
                if (fraction == 0)
                {
                    return 0;
                }

                j += 1 + fraction;
            }

            return C(j, 'Z') && C(j + 1, '\'') ? j + 2 - i : 0;
        }

        private static int Identifier(string s, int i, bool hyphen)
        {
            if (i >= s.Length || !(char.IsAsciiLetter(s[i]) || s[i] == '_'))
            {
                return 0;
            }

            var j = i + 1;
            while (j < s.Length && (char.IsAsciiLetterOrDigit(s[j]) || s[j] == '_' || (hyphen && s[j] == '-')))
            {
                j++;
            }

            return j - i;
        }
    }

    /// <summary>Recursive descent over the grammar's rules; left-recursive rules become loops.</summary>
    private sealed class Parser(List<Token> tokens)
    {
        private int _at;

        private Token Current => tokens[_at];

        private bool Is(Kind kind) => Current.Kind == kind;

        private Token Expect(Kind kind, string what)
        {
            if (!Is(kind))
            {
                throw Error($"expected {what}");
            }

            return tokens[_at++];
        }

        private PatternSyntaxException Error(string expected) =>
            new(Current.Kind == Kind.Eof
                ? $"{expected} at offset {Current.Offset}, but the pattern ended"
                : $"{expected} at offset {Current.Offset}, found '{Current.Text}'", Current.Offset);

        /// <summary>The grammar's <c>&lt;assoc=left&gt; rule OP rule | operand</c> alternatives, as a loop.</summary>
        private void LeftAssociative(Kind op, Action operand)
        {
            operand();
            while (Is(op))
            {
                _at++;
                operand();
            }
        }

        public void ParsePattern()
        {
            ObservationExpressions();
            if (!Is(Kind.Eof))
            {
                throw Error("expected AND, OR, FOLLOWEDBY, a qualifier or the end of the pattern");
            }
        }

        private void ObservationExpressions() => LeftAssociative(Kind.FollowedBy, ObservationExpressionOr);

        private void ObservationExpressionOr() => LeftAssociative(Kind.Or, ObservationExpressionAnd);

        private void ObservationExpressionAnd() => LeftAssociative(Kind.And, ObservationExpression);

        private void ObservationExpression()
        {
            if (Is(Kind.LBrack))
            {
                _at++;
                ComparisonExpression();
                Expect(Kind.RBrack, "']'");
            }
            else if (Is(Kind.LParen))
            {
                _at++;
                ObservationExpressions();
                Expect(Kind.RParen, "')'");
            }
            else
            {
                throw Error("expected '[' or '(' to start an observation expression");
            }

            while (true)
            {
                if (Is(Kind.Start))
                {
                    _at++;
                    TimestampOrString("START");
                    Expect(Kind.Stop, "STOP");
                    TimestampOrString("STOP");
                }
                else if (Is(Kind.Within))
                {
                    _at++;
                    if (!Is(Kind.IntPos) && !Is(Kind.FloatPos))
                    {
                        throw Error("expected a positive number after WITHIN");
                    }

                    _at++;
                    Expect(Kind.Seconds, "SECONDS");
                }
                else if (Is(Kind.Repeats))
                {
                    _at++;
                    Expect(Kind.IntPos, "a positive integer after REPEATS");
                    Expect(Kind.Times, "TIMES");
                }
                else
                {
                    return;
                }
            }
        }

        /// <summary>
        /// The 2.1 specification writes START t'…' STOP t'…'; the schemas repository's grammar once took a plain string
        /// there. Both are accepted.
        /// </summary>
        private void TimestampOrString(string keyword)
        {
            if (!Is(Kind.Timestamp) && !Is(Kind.String))
            {
                throw Error($"expected a timestamp t'…Z' after {keyword}");
            }

            _at++;
        }

        private void ComparisonExpression() => LeftAssociative(Kind.Or, ComparisonExpressionAnd);

        private void ComparisonExpressionAnd() => LeftAssociative(Kind.And, PropTest);

        private void PropTest()
        {
            if (Is(Kind.LParen))
            {
                _at++;
                ComparisonExpression();
                Expect(Kind.RParen, "')'");
                return;
            }

            if (Is(Kind.Exists))
            {
                _at++;
                ObjectPath();
                return;
            }

            ObjectPath();
            if (Is(Kind.Not))
            {
                _at++;
            }

            switch (Current.Kind)
            {
                case Kind.Eq or Kind.Neq:
                    _at++;
                    PrimitiveLiteral();
                    break;
                case Kind.Gt or Kind.Lt or Kind.Ge or Kind.Le:
                    _at++;
                    OrderableLiteral();
                    break;
                case Kind.In:
                    _at++;
                    SetLiteral();
                    break;
                case Kind.Like or Kind.Matches or Kind.IsSubset or Kind.IsSuperset:
                    _at++;
                    Expect(Kind.String, "a quoted string");
                    break;
                default:
                    throw Error("expected a comparison operator (=, !=, <, >, <=, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET)");
            }
        }

        private void ObjectPath()
        {
            if (!Is(Kind.IdentifierWithoutHyphen) && !Is(Kind.IdentifierWithHyphen))
            {
                throw Error("expected an object type such as file or ipv4-addr");
            }

            _at++;
            Expect(Kind.Colon, "':' after the object type");
            if (!Is(Kind.IdentifierWithoutHyphen) && !Is(Kind.String))
            {
                throw Error("expected a property name after ':'");
            }

            _at++;
            while (true)
            {
                if (Is(Kind.Dot))
                {
                    _at++;
                    if (!Is(Kind.IdentifierWithoutHyphen) && !Is(Kind.String))
                    {
                        throw Error("expected a property name after '.'");
                    }

                    _at++;
                }
                else if (Is(Kind.LBrack))
                {
                    _at++;
                    if (!Is(Kind.IntPos) && !Is(Kind.IntNeg) && !Is(Kind.Asterisk))
                    {
                        throw Error("expected an index or '*'");
                    }

                    _at++;
                    Expect(Kind.RBrack, "']'");
                }
                else
                {
                    return;
                }
            }
        }

        private void SetLiteral()
        {
            Expect(Kind.LParen, "'(' to start a set");
            if (Is(Kind.RParen))
            {
                _at++;
                return;
            }

            PrimitiveLiteral();
            while (Is(Kind.Comma))
            {
                _at++;
                PrimitiveLiteral();
            }

            Expect(Kind.RParen, "')' to close the set");
        }

        private void PrimitiveLiteral()
        {
            if (Is(Kind.True) || Is(Kind.False))
            {
                _at++;
                return;
            }

            OrderableLiteral();
        }

        private void OrderableLiteral()
        {
            if (Current.Kind is Kind.IntPos or Kind.IntNeg or Kind.FloatPos or Kind.FloatNeg
                or Kind.String or Kind.Binary or Kind.Hex or Kind.Timestamp)
            {
                _at++;
                return;
            }

            throw Error("expected a literal (number, 'string', h'hex', b'base64' or t'timestamp')");
        }
    }
}

public sealed record PatternError(string Message, int Offset)
{
    public override string ToString() => Message;
}
