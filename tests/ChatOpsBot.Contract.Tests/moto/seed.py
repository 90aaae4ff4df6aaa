"""Seeds a moto server with the AWS estate the contract tests read back through the bot's adapter.

Usage: python3 seed.py http://127.0.0.1:<port>
Prints one JSON object on stdout: every id created and every value the tests assert.
"""

import datetime
import json
import sys

import boto3

REGION = "us-east-1"


def client(service, endpoint):
    return boto3.client(
        service,
        region_name=REGION,
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def seed(endpoint):
    ec2 = client("ec2", endpoint)
    elbv2 = client("elbv2", endpoint)
    elb = client("elb", endpoint)
    cloudwatch = client("cloudwatch", endpoint)
    out = {"region": REGION}

    # VPC, DNS attributes, DHCP options.
    vpc_id = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsSupport={"Value": True})
    ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsHostnames={"Value": True})
    dhcp = ec2.create_dhcp_options(
        DhcpConfigurations=[
            {"Key": "domain-name-servers", "Values": ["10.20.0.2", "AmazonProvidedDNS"]},
            {"Key": "domain-name", "Values": ["contract.internal"]},
        ]
    )["DhcpOptions"]["DhcpOptionsId"]
    ec2.associate_dhcp_options(DhcpOptionsId=dhcp, VpcId=vpc_id)
    out.update(vpcId=vpc_id, vpcCidr="10.20.0.0/16", dhcpOptionsId=dhcp,
               dnsServers=["10.20.0.2", "AmazonProvidedDNS"], domainNames=["contract.internal"])

    # Two subnets in two zones.
    subnet_a = ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.20.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
    subnet_b = ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.20.2.0/24", AvailabilityZone="us-east-1b")["Subnet"]["SubnetId"]
    out.update(subnetA=subnet_a, subnetACidr="10.20.1.0/24", subnetAZone="us-east-1a",
               subnetB=subnet_b, subnetBCidr="10.20.2.0/24", subnetBZone="us-east-1b")

    # A custom network ACL on subnet B with allow and deny entries, both directions.
    acl = ec2.create_network_acl(VpcId=vpc_id)["NetworkAcl"]["NetworkAclId"]
    entries = [
        dict(RuleNumber=100, Protocol="6", RuleAction="allow", Egress=False, CidrBlock="10.20.1.0/24", PortRange={"From": 8080, "To": 8080}),
        dict(RuleNumber=200, Protocol="-1", RuleAction="deny", Egress=False, CidrBlock="0.0.0.0/0"),
        dict(RuleNumber=100, Protocol="6", RuleAction="allow", Egress=True, CidrBlock="10.20.1.0/24", PortRange={"From": 1024, "To": 65535}),
        dict(RuleNumber=150, Protocol="17", RuleAction="deny", Egress=True, CidrBlock="0.0.0.0/0", PortRange={"From": 53, "To": 53}),
    ]
    for entry in entries:
        ec2.create_network_acl_entry(NetworkAclId=acl, **entry)
    associations = ec2.describe_network_acls(Filters=[{"Name": "association.subnet-id", "Values": [subnet_b]}])["NetworkAcls"]
    current = next(a for n in associations for a in n["Associations"] if a["SubnetId"] == subnet_b)
    ec2.replace_network_acl_association(AssociationId=current["NetworkAclAssociationId"], NetworkAclId=acl)
    out.update(networkAclId=acl, networkAclEntries=[
        {"ruleNumber": e["RuleNumber"], "protocol": e["Protocol"], "ruleAction": e["RuleAction"], "egress": e["Egress"],
         "cidrBlock": e["CidrBlock"], "portFrom": e.get("PortRange", {}).get("From"), "portTo": e.get("PortRange", {}).get("To")}
        for e in entries])

    # Security groups: the LB's (CIDR rule), the targets' (references the LB's), one with a managed prefix list.
    lb_sg = ec2.create_security_group(GroupName="contract-lb", Description="lb", VpcId=vpc_id)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=lb_sg, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    target_sg = ec2.create_security_group(GroupName="contract-targets", Description="targets", VpcId=vpc_id)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=target_sg, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": lb_sg}]}])
    out.update(lbSecurityGroupId=lb_sg, targetSecurityGroupId=target_sg)

    prefix_list = ec2.create_managed_prefix_list(
        PrefixListName="contract-office", MaxEntries=5, AddressFamily="IPv4",
        Entries=[{"Cidr": "192.0.2.0/24", "Description": "office"}, {"Cidr": "198.51.100.0/24", "Description": "vpn"}],
    )["PrefixList"]["PrefixListId"]
    admin_sg = ec2.create_security_group(GroupName="contract-admin", Description="admin", VpcId=vpc_id)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=admin_sg, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "PrefixListIds": [{"PrefixListId": prefix_list}]}])
    out.update(prefixListId=prefix_list, prefixListName="contract-office",
               prefixListCidrs=["192.0.2.0/24", "198.51.100.0/24"], adminSecurityGroupId=admin_sg)

    # One instance per subnet, in the targets' group.
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    instances = []
    for subnet, ip in ((subnet_a, "10.20.1.10"), (subnet_b, "10.20.2.10")):
        instance = ec2.run_instances(
            ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro",
            SubnetId=subnet, PrivateIpAddress=ip, SecurityGroupIds=[target_sg])["Instances"][0]
        instances.append({"instanceId": instance["InstanceId"], "subnetId": subnet, "privateIp": ip})
    out["instances"] = instances
    stopped = ec2.run_instances(
        ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro",
        SubnetId=subnet_a, PrivateIpAddress="10.20.1.11", SecurityGroupIds=[target_sg])["Instances"][0]["InstanceId"]
    out["stoppedInstanceId"] = stopped

    # An interface holding the IP target's address.
    eni = ec2.create_network_interface(
        SubnetId=subnet_a, PrivateIpAddress="10.20.1.50", Groups=[target_sg], Description="contract ip target")["NetworkInterface"]
    out.update(ipTarget="10.20.1.50", ipTargetInterfaceId=eni["NetworkInterfaceId"])

    # The ALB, its target groups, listener and rules.
    lb = elbv2.create_load_balancer(
        Name="contract-alb", Subnets=[subnet_a, subnet_b], SecurityGroups=[lb_sg],
        Scheme="internet-facing", Type="application", IpAddressType="ipv4")["LoadBalancers"][0]
    lb_arn = lb["LoadBalancerArn"]
    out.update(loadBalancerArn=lb_arn, loadBalancerName="contract-alb", loadBalancerDnsName=lb["DNSName"])

    # A Classic load balancer, so "that name is a Classic one" is answered by the Classic API.
    elb.create_load_balancer(
        LoadBalancerName="contract-classic", Subnets=[subnet_a], SecurityGroups=[lb_sg],
        Listeners=[{"Protocol": "HTTP", "LoadBalancerPort": 80, "InstanceProtocol": "HTTP", "InstancePort": 8080}])
    out["classicLoadBalancerName"] = "contract-classic"

    web = elbv2.create_target_group(
        Name="contract-web", Protocol="HTTP", Port=8080, VpcId=vpc_id, TargetType="instance",
        HealthCheckProtocol="HTTP", HealthCheckPort="8081", HealthCheckPath="/healthz", HealthCheckEnabled=True,
        HealthCheckIntervalSeconds=15, HealthCheckTimeoutSeconds=4, HealthyThresholdCount=3, UnhealthyThresholdCount=4,
        Matcher={"HttpCode": "200-299"})["TargetGroups"][0]["TargetGroupArn"]
    api = elbv2.create_target_group(
        Name="contract-api", Protocol="HTTP", Port=9090, VpcId=vpc_id, TargetType="ip",
        HealthCheckPath="/ready", Matcher={"HttpCode": "200,204"})["TargetGroups"][0]["TargetGroupArn"]
    out.update(webTargetGroupArn=web, apiTargetGroupArn=api)

    elbv2.register_targets(TargetGroupArn=web, Targets=[{"Id": i["instanceId"], "Port": 8080} for i in instances])
    elbv2.register_targets(TargetGroupArn=web, Targets=[{"Id": stopped, "Port": 8080}])
    ec2.stop_instances(InstanceIds=[stopped])
    elbv2.register_targets(TargetGroupArn=api, Targets=[{"Id": "10.20.1.50", "Port": 9090}])

    listener = elbv2.create_listener(
        LoadBalancerArn=lb_arn, Protocol="HTTP", Port=80,
        DefaultActions=[{"Type": "forward", "TargetGroupArn": web}])["Listeners"][0]["ListenerArn"]
    maintenance = elbv2.create_rule(
        ListenerArn=listener, Priority=10,
        Conditions=[{"Field": "path-pattern", "PathPatternConfig": {"Values": ["/maintenance/*"]}}],
        Actions=[{"Type": "fixed-response", "FixedResponseConfig": {
            "StatusCode": "503", "ContentType": "text/plain", "MessageBody": "down for maintenance"}}])["Rules"][0]["RuleArn"]
    api_rule = elbv2.create_rule(
        ListenerArn=listener, Priority=20,
        Conditions=[{"Field": "path-pattern", "PathPatternConfig": {"Values": ["/api/*"]}}],
        Actions=[{"Type": "forward", "TargetGroupArn": api}])["Rules"][0]["RuleArn"]
    out.update(listenerArn=listener, maintenanceRuleArn=maintenance, apiRuleArn=api_rule)

    elbv2.modify_target_group_attributes(TargetGroupArn=web, Attributes=[
        {"Key": "deregistration_delay.timeout_seconds", "Value": "45"},
        {"Key": "slow_start.duration_seconds", "Value": "60"},
    ])
    elbv2.modify_load_balancer_attributes(LoadBalancerArn=lb_arn, Attributes=[
        {"Key": "idle_timeout.timeout_seconds", "Value": "120"},
    ])
    out["webTargetGroupAttributes"] = {"deregistration_delay.timeout_seconds": "45", "slow_start.duration_seconds": "60"}
    out["loadBalancerAttributes"] = {"idle_timeout.timeout_seconds": "120"}

    # Metrics for the ALB, put on whole minutes within the last half hour, deliberately out of order.
    lb_dimension = lb_arn.split(":loadbalancer/", 1)[1]
    tg_dimension = web.rsplit(":", 1)[1]
    now = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)
    elb503 = [(now - datetime.timedelta(minutes=m), v) for m, v in ((5, 7.0), (20, 3.0), (12, 11.0))]
    healthy = [(now - datetime.timedelta(minutes=m), v) for m, v in ((8, 2.0), (18, 1.0))]

    def put(name, dims, points):
        cloudwatch.put_metric_data(Namespace="AWS/ApplicationELB", MetricData=[
            {"MetricName": name, "Dimensions": dims, "Timestamp": t, "Value": v, "Unit": "Count"} for t, v in points])

    put("HTTPCode_ELB_503_Count", [{"Name": "LoadBalancer", "Value": lb_dimension}], elb503)
    put("HealthyHostCount", [{"Name": "TargetGroup", "Value": tg_dimension}, {"Name": "LoadBalancer", "Value": lb_dimension}], healthy)

    def points(items):
        return [{"timestamp": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "value": v} for t, v in sorted(items)]

    out.update(loadBalancerDimension=lb_dimension, webTargetGroupDimension=tg_dimension,
               elb503Points=points(elb503), healthyPoints=points(healthy))
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: seed.py <endpoint-url>")
    print(json.dumps(seed(sys.argv[1])))
