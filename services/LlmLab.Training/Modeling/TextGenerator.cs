using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace LlmLab.Training.Modeling;

/// <summary>Generates text with a trained network: reads the prompt's last characters, then samples one at a time.</summary>
public sealed class TextGenerator(CharLstm network, CharVocabulary vocabulary, int contextLength)
{
    // One network serves one generation at a time: TorchSharp modules are not meant to run concurrently.
    private readonly Lock _gate = new();

    public (string Text, bool StoppedEarly) Generate(string prompt, SamplingSettings settings)
    {
        lock (_gate)
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            network.eval();
            var random = settings.Seed is { } seed ? new Random((int)(seed ^ (seed >> 32))) : new Random();
            var context = prompt.Length > contextLength ? prompt[^contextLength..] : prompt;
            var indices = vocabulary.Encode(context.Length == 0 ? " " : context);
            var (logits, state) = network.Step(torch.tensor(indices, [1, indices.Length]), null);
            var text = new StringBuilder();
            for (var i = 0; i < settings.MaxCharacters; i++)
            {
                var next = Sampler.Pick(logits[0, -1].data<float>().ToArray(), settings, random);
                text.Append(vocabulary.Decode(next));
                if (settings.Stop.FirstOrDefault(s => s.Length > 0 && text.ToString().EndsWith(s, StringComparison.Ordinal)) is { } stop)
                {
                    text.Length -= stop.Length;
                    return (text.ToString(), true);
                }
                (logits, state) = network.Step(torch.tensor(new long[] { next }, [1, 1]), state);
            }
            return (text.ToString(), false);
        }
    }
}
