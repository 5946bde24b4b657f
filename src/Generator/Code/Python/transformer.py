class MapToTokens(nn.Module):
    """b c h w -> b (h w) c."""

    def forward(self, x):
        return x.flatten(2).transpose(1, 2)


class TokensToMap(nn.Module):
    """b (h w) c -> b c h w."""

    def __init__(self, height, width):
        super().__init__()
        self.height = height
        self.width = width

    def forward(self, x):
        return x.transpose(1, 2).reshape(x.shape[0], x.shape[2], self.height, self.width)


class FeedForward(nn.Module):
    """coatnet-pytorch's FeedForward: Linear, GELU, Dropout, Linear, Dropout."""

    def __init__(self, dim, hidden, dropout):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, hidden), nn.GELU(), nn.Dropout(dropout), nn.Linear(hidden, dim), nn.Dropout(dropout))

    def forward(self, x):
        return self.net(x)


class RelativeAttention(nn.Module):
    """Multi-head attention over tokens with a learned relative position bias (table [(2h-1)(2w-1), heads] indexed by the buffer relative_index)."""

    def __init__(self, inp, oup, height, width, heads, head_dim, dropout):
        super().__init__()
        inner = heads * head_dim
        self.heads = heads
        self.tokens = height * width
        self.scale = head_dim ** -0.5
        self.relative_bias_table = nn.Parameter(torch.zeros((2 * height - 1) * (2 * width - 1), heads))
        ys, xs = torch.meshgrid(torch.arange(height), torch.arange(width), indexing="ij")
        ys, xs = ys.reshape(-1), xs.reshape(-1)
        index = (ys[:, None] - ys[None, :] + height - 1) * (2 * width - 1) + (xs[:, None] - xs[None, :] + width - 1)
        self.register_buffer("relative_index", index.reshape(-1, 1).to(torch.int64))
        self.to_qkv = nn.Linear(inp, inner * 3, bias=False)
        self.to_out = nn.Sequential(nn.Linear(inner, oup), nn.Dropout(dropout)) if not (heads == 1 and head_dim == inp) else nn.Identity()

    def forward(self, x):
        b, n = x.shape[0], x.shape[1]
        qkv = self.to_qkv(x).reshape(b, n, 3, self.heads, -1).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        dots = q.matmul(k.transpose(-1, -2)) * self.scale
        bias = self.relative_bias_table[self.relative_index.reshape(-1)].reshape(n, n, self.heads).permute(2, 0, 1).unsqueeze(0)
        out = (dots + bias).softmax(-1).matmul(v).transpose(1, 2).reshape(b, n, -1)
        return self.to_out(out)


class RelativeTransformer(nn.Module):
    """CoAtNet's transformer block: x + Attn(LN(x)), then x + FFN(LN(x)); when downsampling both the residual (then a 1x1 conv) and the attention input are 3x3/2 max-pooled."""

    def __init__(self, inp, oup, height, width, downsample=False, heads=8, head_dim=32, dropout=0.0):
        super().__init__()
        self.pool1 = nn.MaxPool2d(3, 2, 1) if downsample else None
        self.pool2 = nn.MaxPool2d(3, 2, 1) if downsample else None
        self.proj = nn.Conv2d(inp, oup, 1, bias=False) if downsample else None
        attention = RelativeAttention(inp, oup, height, width, heads, head_dim, dropout)
        self.attn = nn.Sequential(MapToTokens(), PreNorm(nn.LayerNorm(inp), attention), TokensToMap(height, width))
        self.ff = nn.Sequential(MapToTokens(), PreNorm(nn.LayerNorm(oup), FeedForward(oup, inp * 4, dropout)), TokensToMap(height, width))

    def forward(self, x):
        if self.proj is not None:
            y = self.proj(self.pool1(x)) + self.attn(self.pool2(x))
        else:
            y = x + self.attn(x)
        return y + self.ff(y)
