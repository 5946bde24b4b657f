class BasicBlock(nn.Module):
    """torchvision's basic block: 3x3 conv (stride) - BN - ReLU - 3x3 conv - BN, the add-on, the shortcut, ReLU."""

    def __init__(self, inplanes, planes, stride=1, attention="none", drop_path=0.0):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = downsample(inplanes, planes, stride)
        self.nam, self.se, self.drop_path = add_ons(attention, planes, drop_path)

    def forward(self, x):
        branch = self.bn1(self.conv1(x)).relu()
        branch = self.bn2(self.conv2(branch))
        identity = x if self.downsample is None else self.downsample(x)
        return finish(self, branch, identity)
