namespace HyperTune;

/// <summary>The optimisers the generated training loop can run.</summary>
public enum OptimizerKind
{
    /// <summary>Plain stochastic gradient descent.</summary>
    Sgd = 0,

    /// <summary>SGD with heavy-ball momentum (PyTorch's formulation).</summary>
    Momentum = 1,

    /// <summary>SGD with Nesterov momentum (Sutskever et al. 2013, as PyTorch formulates it).</summary>
    Nesterov = 2,

    /// <summary>AdaGrad (Duchi, Hazan and Singer 2011).</summary>
    AdaGrad = 3,

    /// <summary>RMSProp (Hinton, lecture 6e).</summary>
    RmsProp = 4,

    /// <summary>Adam with bias correction (Kingma and Ba 2015).</summary>
    Adam = 5,

    /// <summary>Adam with decoupled weight decay (Loshchilov and Hutter 2019).</summary>
    AdamW = 6,
}
