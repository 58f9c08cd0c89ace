using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LlmLab.Training.Modeling;

/// <summary>The network: character embedding → LSTM (1–2 layers) → linear projection to next-character logits.</summary>
public sealed class CharLstm : Module<Tensor, Tensor>
{
    private readonly Embedding _embedding;
    private readonly LSTM _lstm;
    private readonly Linear _head;

    public CharLstm(ModelShape shape) : base("char_lstm")
    {
        _embedding = Embedding(shape.VocabularySize, shape.EmbeddingSize);
        _lstm = LSTM(shape.EmbeddingSize, shape.HiddenSize, shape.Layers, batchFirst: true);
        _head = Linear(shape.HiddenSize, shape.VocabularySize);
        RegisterComponents();
    }

    /// <summary>[batch, time] indices → [batch, time, vocabulary] logits.</summary>
    public override Tensor forward(Tensor input) => Step(input, null).Logits;

    /// <summary>One pass that carries the recurrent state, so generation feeds one character at a time.</summary>
    public (Tensor Logits, (Tensor H, Tensor C) State) Step(Tensor input, (Tensor H, Tensor C)? state)
    {
        var (output, h, c) = _lstm.forward(_embedding.forward(input), state);
        return (_head.forward(output), (h, c));
    }

    public long ParameterCount => parameters().Sum(p => p.numel());
}

/// <summary>The sizes that define a network; weights load only into a network of the same shape.</summary>
public sealed record ModelShape(int VocabularySize, int EmbeddingSize, int HiddenSize, int Layers);
