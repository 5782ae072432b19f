namespace HyperTune;

/// <summary>The non-linearity of a <see cref="DenseNetwork"/>'s hidden layers.</summary>
public enum Activation
{
    /// <summary><c>max(x, 0)</c>, with He initialisation (He et al. 2015).</summary>
    Relu = 0,

    /// <summary><c>tanh(x)</c>, with Xavier/Glorot initialisation (Glorot and Bengio 2010).</summary>
    Tanh = 1,
}
