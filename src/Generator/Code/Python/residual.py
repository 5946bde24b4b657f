def downsample(inplanes, outplanes, stride):
    """torchvision's projection shortcut (downsample.0 conv 1x1, downsample.1 BN), or None when the identity fits."""
    if stride == 1 and inplanes == outplanes:
        return None
    return nn.Sequential(nn.Conv2d(inplanes, outplanes, 1, stride=stride, bias=False), nn.BatchNorm2d(outplanes))


class NamChannelAttention(nn.Module):
    """NAM channel attention: x' = BN(x) * |gamma| / sum|gamma|, out = sigmoid(x') * x (key bn2)."""

    def __init__(self, channels, detach_weight=False):
        super().__init__()
        self.bn2 = nn.BatchNorm2d(channels)
        self.detach_weight = detach_weight

    def forward(self, x):
        normed = self.bn2(x)
        gamma = (self.bn2.weight.detach() if self.detach_weight else self.bn2.weight).abs()
        weight = (gamma / gamma.sum()).reshape(1, -1, 1, 1)
        return (normed * weight).sigmoid() * x


class NamAttention(nn.Module):
    """The NAM add-on: a wrapper whose only child is Channel_Att (keys Channel_Att.bn2)."""

    def __init__(self, channels, detach_weight=False):
        super().__init__()
        self.Channel_Att = NamChannelAttention(channels, detach_weight)

    def forward(self, x):
        return self.Channel_Att(x)


class SqueezeExcite(nn.Module):
    """The SE add-on: x * sigmoid(fc2(relu(fc1(avgpool(x))))), 1x1 convolutions with bias, C -> C/16 -> C."""

    def __init__(self, channels, reduction=16):
        super().__init__()
        hidden = channels // reduction
        self.fc1 = nn.Conv2d(channels, hidden, 1)
        self.fc2 = nn.Conv2d(hidden, channels, 1)

    def forward(self, x):
        pooled = F.adaptive_avg_pool2d(x, 1)
        return x * self.fc2(self.fc1(pooled).relu()).sigmoid()


class DropPath(nn.Module):
    """Stochastic depth: in training each sample's branch is zeroed with probability rate, else scaled by 1/(1-rate)."""

    def __init__(self, rate):
        super().__init__()
        self.rate = rate

    def forward(self, x):
        if not self.training or self.rate == 0.0:
            return x
        keep = 1.0 - self.rate
        mask = (torch.rand((x.shape[0],) + (1,) * (x.dim() - 1), dtype=x.dtype, device=x.device) < keep).to(x.dtype) / keep
        return x * mask


def add_ons(attention, channels, drop_path):
    """The modules of a residual block's end: (nam, se, drop_path), each None unless used."""
    nam = NamAttention(channels, detach_weight=attention == "nam_detached") if attention in ("nam", "nam_detached") else None
    se = SqueezeExcite(channels) if attention == "se" else None
    return nam, se, DropPath(drop_path) if drop_path > 0.0 else None


def finish(block, branch, identity):
    """The end of every residual block: the add-on over the branch (NAM or SE), stochastic depth, the addition, ReLU."""
    if block.nam is not None:
        branch = block.nam(branch)
    if block.se is not None:
        branch = block.se(branch)
    if block.drop_path is not None:
        branch = block.drop_path(branch)
    return (branch + identity).relu()
