using System.Globalization;

namespace LlmLab.Evaluation.Agent;

/// <summary>
/// The agent's calculator: a recursive-descent parser over decimal numbers, + − * / % ^ (×, ÷ accepted), parentheses and
/// unary minus. No evaluation of code, no names: anything else is an error. Bounded: at most 200 characters, nesting 32
/// deep, exponents integral within ±64, results within decimal's range.
/// </summary>
public sealed class Calculator
{
    public const int MaxLength = 200;
    private const int MaxDepth = 32;
    private readonly string _text;
    private int _at;
    private int _depth;

    private Calculator(string text) => _text = text;

    /// <summary>The value of <paramref name="expression"/>, or the reason it has none.</summary>
    public static (decimal? Value, string? Error) Evaluate(string expression)
    {
        if (expression.Length > MaxLength) return (null, $"expression longer than {MaxLength} characters");
        var calculator = new Calculator(expression.Replace('×', '*').Replace('÷', '/').Replace('−', '-'));
        try
        {
            var value = calculator.Sum();
            calculator.SkipSpace();
            if (calculator._at < calculator._text.Length) return (null, $"unexpected '{calculator._text[calculator._at]}' at {calculator._at}");
            return (value, null);
        }
        catch (CalculatorException ex)
        {
            return (null, ex.Message);
        }
        catch (OverflowException)
        {
            return (null, "the result is too large");
        }
        catch (DivideByZeroException)
        {
            return (null, "division by zero");
        }
    }

    private decimal Sum()
    {
        var value = Product();
        while (true)
        {
            if (Accept('+')) value += Product();
            else if (Accept('-')) value -= Product();
            else return value;
        }
    }

    private decimal Product()
    {
        var value = Power();
        while (true)
        {
            if (Accept('*')) value *= Power();
            else if (Accept('/')) value /= Power();
            else if (Accept('%')) value %= Power();
            else return value;
        }
    }

    private decimal Power()
    {
        var baseValue = Unary();
        if (!Accept('^')) return baseValue;
        var exponent = Power();
        if (exponent != decimal.Truncate(exponent) || Math.Abs(exponent) > 64) throw new CalculatorException("exponents must be whole numbers within ±64");
        decimal result = 1;
        for (var i = 0; i < Math.Abs(exponent); i++) result *= baseValue;
        return exponent < 0 ? 1 / result : result;
    }

    private decimal Unary()
    {
        if (Accept('-')) return -Unary();
        if (Accept('+')) return Unary();
        return Primary();
    }

    private decimal Primary()
    {
        SkipSpace();
        if (Accept('('))
        {
            if (++_depth > MaxDepth) throw new CalculatorException($"nesting deeper than {MaxDepth}");
            var value = Sum();
            if (!Accept(')')) throw new CalculatorException($"missing ')' at {_at}");
            _depth--;
            return value;
        }
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiDigit(_text[_at]) || _text[_at] is '.' or ',')) _at++;
        if (start == _at) throw new CalculatorException(_at < _text.Length ? $"unexpected '{_text[_at]}' at {_at}" : "unexpected end of expression");
        var number = _text[start.._at].Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new CalculatorException($"'{_text[start.._at]}' is not a number");
    }

    private bool Peek(char c)
    {
        SkipSpace();
        return _at < _text.Length && _text[_at] == c;
    }

    private bool Accept(char c)
    {
        if (!Peek(c)) return false;
        _at++;
        return true;
    }

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at])) _at++;
    }

    private sealed class CalculatorException(string message) : Exception(message);
}
